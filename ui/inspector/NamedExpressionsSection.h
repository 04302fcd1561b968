#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// A table of one `name = expression` list of the model (the model's
/// constants, a group's method options): a row per entry, both cells edited
/// in place, rows removed with −; each edit one undo step. Subclasses say
/// where the list is and what a new row holds.
class NamedExpressionsSection : public TableSection {
    Q_OBJECT

public:
    /// `entry` names one entry in the undo stack's texts ("constant").
    NamedExpressionsSection(ModelDocument* document, const QString& title,
                            const QStringList& headers, const QString& entry,
                            QWidget* parent = nullptr);

protected:
    /// The list this section shows, in `model` (null when the object has none).
    virtual const spikestudio::NamedExpressions*
    entriesIn(const spikestudio::Model& model) const = 0;

    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    /// The shown list in the model as it is (null when there is none).
    const spikestudio::NamedExpressions* entries() const { return entriesIn(model()); }
    /// One undoable edit of the shown list.
    void editEntries(const QString& text,
                     const std::function<void(spikestudio::NamedExpressions&)>& edit);
    /// The row of the entry called `name`, or -1.
    int rowNamed(const QString& name) const;

private:
    QString entry_;
};

} // namespace spikestudio
