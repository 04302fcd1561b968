#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// The model's constants, name = expression. Order matters (later entries
/// may use earlier ones), so new entries go at the end.
class ConstantsSection : public TableSection {
    Q_OBJECT

public:
    explicit ConstantsSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addEntry();
    void editEntries(const QString& text,
                     const std::function<void(spikestudio::NamedExpressions&)>& edit);
    int rowNamed(const QString& name) const;
};

} // namespace spikestudio
