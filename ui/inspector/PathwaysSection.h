#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// A Synapses object's `pathways` (Brian2's on_pre / on_post dicts): name,
/// direction (pre or post), code, delay and the event each listens to, one
/// row per pathway. `on_pre`, `on_post` and `delay` stay fields of their own.
class PathwaysSection : public TableSection {
    Q_OBJECT

public:
    explicit PathwaysSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    const std::vector<PathwaySpec>* pathways() const;
    void addPathway();
    void editPathways(const QString& text,
                      const std::function<void(std::vector<PathwaySpec>&)>& edit);
};

} // namespace spikestudio
