#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// The linked variables of a NeuronGroup (Brian2's `G.x = linked_var(H, 'v',
/// index=...)`): the `(linked)` parameter, the group (or subgroup) it reads,
/// that group's variable, and optionally the source neuron of each neuron
/// ("0, 0, 1, 1"; empty: neuron by neuron).
class LinksSection : public TableSection {
    Q_OBJECT

public:
    explicit LinksSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addLink();
    void commitIndex(int row, const QString& text);
    void editLinks(const QString& text,
                   const std::function<void(std::vector<spikestudio::LinkSpec>&)>& edit);
};

} // namespace spikestudio
