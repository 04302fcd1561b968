#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// Name = expression pairs of the inspected object: the model's constants, or
/// the initial values of a NeuronGroup or Synapses object. Order matters
/// (later entries may use earlier ones), so new entries go at the end.
class NamedExpressionsSection : public TableSection {
    Q_OBJECT

public:
    enum class Kind { Constants, InitialValues };

    NamedExpressionsSection(ModelDocument* document, Kind kind, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    const spikestudio::NamedExpressions* entries() const;
    void addEntry();
    std::pair<std::string, std::string> newEntry() const;
    void editEntries(const QString& text,
                     const std::function<void(spikestudio::NamedExpressions&)>& edit);
    int rowNamed(const QString& name) const;

    Kind kind_;
};

} // namespace spikestudio
