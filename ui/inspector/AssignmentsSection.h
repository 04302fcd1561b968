#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

class ArrayValuesEditor;

/// `initial` of a NeuronGroup or Synapses object as the ordered list it is:
/// one row per assignment, with the variable, the elements it sets (written
/// as in Brian2's `G.v[...]`: all, 3, [1, 5], 10:20, 'i > 5', or pre, post on
/// Synapses) and the value, an expression or numbers. Rows are added,
/// removed, moved up and down and edited, each as one undo step; a seed
/// entry (Brian2's `seed(13579)` between two assignments) shows as "seed"
/// with its seed or "fresh" and is added with its own button; the numbers
/// of the selected row open below the table in an ArrayValuesEditor.
class AssignmentsSection : public TableSection {
    Q_OBJECT

public:
    explicit AssignmentsSection(ModelDocument* document, QWidget* parent = nullptr);

    void refresh() override;
    ArrayValuesEditor* arrayEditor() const { return arrayEditor_; }
    QToolButton* moveUpButton() const { return moveUp_; }
    QToolButton* moveDownButton() const { return moveDown_; }
    QToolButton* numbersButton() const { return numbers_; }
    QToolButton* addSeedButton() const { return addSeed_; }

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    bool isEditable(int row, int column) const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    std::vector<spikestudio::AssignmentSpec> entries() const;
    bool onSynapses() const;
    void editEntries(const QString& text,
                     const std::function<void(std::vector<spikestudio::AssignmentSpec>&)>& edit,
                     int selectRow);
    void addEntry();
    void addSeedEntry();
    void commitSeed(int row, const QString& text);
    spikestudio::AssignmentSpec newEntry() const;
    void moveSelected(int by);
    void toggleNumbers();
    void showArrayOfCurrentRow();
    void storeValues(const std::vector<double>& values);
    void storeUnit(const QString& unit);

    QToolButton* moveUp_;
    QToolButton* moveDown_;
    QToolButton* numbers_;
    QToolButton* addSeed_;
    ArrayValuesEditor* arrayEditor_;
};

} // namespace spikestudio
