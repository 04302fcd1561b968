#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// The model's BinomialFunctions (Brian2's BinomialFunction(n, p,
/// approximate)): name, number of trials n, probability p, and whether a
/// normal distribution stands in where n*p and n*(1-p) are large. Code and
/// equations call each as name().
class BinomialFunctionsSection : public TableSection {
    Q_OBJECT

public:
    enum Column { NameColumn, TrialsColumn, ProbabilityColumn, ApproximateColumn };

    explicit BinomialFunctionsSection(ModelDocument* document, QWidget* parent = nullptr);

    void applyProblems(const QList<Diagnostic>& problems) override;

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    bool isCheckColumn(int column) const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addFunction();
    void editFunction(int row, const QString& text,
                      const std::function<void(spikestudio::BinomialFunctionSpec&)>& edit);
    void commitTrials(int row, const QString& text);
    /// A cell given back its stored value: the table as stored, with the
    /// checker's problems, and no local problem left (nothing to undo).
    void showStored();

    QList<Diagnostic> problems_; // the checker's, as last applied
};

} // namespace spikestudio
