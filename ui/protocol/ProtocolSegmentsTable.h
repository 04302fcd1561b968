#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// The segments of the model's protocol, one row each: its number, its
/// duration (a time expression, edited in place) and a summary of the values
/// set before it. + adds a segment after the selected one (converting a plain
/// duration first), − removes one, ↑ and ↓ reorder; each is one undo step.
/// The checker's messages mark the segment's cell and are written under the
/// table naming the segment.
class ProtocolSegmentsTable : public TableSection {
    Q_OBJECT

public:
    explicit ProtocolSegmentsTable(ModelDocument* document, QWidget* parent = nullptr);

    QToolButton* moveUpButton() const { return moveUp_; }
    QToolButton* moveDownButton() const { return moveDown_; }
    /// The segment the changes table shows (-1: none).
    int selectedSegment() const;
    void selectSegment(int index);

    enum Column { SegmentColumn, DurationColumn, ChangesColumn };

signals:
    void segmentSelected(int index);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    bool isEditable(int row, int column) const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addSegment();
    void moveSelected(int by);

    QToolButton* moveUp_;
    QToolButton* moveDown_;
};

} // namespace spikestudio
