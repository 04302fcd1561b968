#pragma once

#include <QStyledItemDelegate>
#include <functional>

namespace spikestudio {

/// Edits a table cell with a drop-down of the names `choices` gives when the
/// editor opens (groups and subgroups for a monitor's source or an input's
/// target); the chosen name becomes the cell's text.
class ChoiceDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    ChoiceDelegate(std::function<QStringList()> choices, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    std::function<QStringList()> choices_;
};

} // namespace spikestudio
