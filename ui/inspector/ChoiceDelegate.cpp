#include "inspector/ChoiceDelegate.h"

#include <QComboBox>

namespace spikestudio {

ChoiceDelegate::ChoiceDelegate(std::function<QStringList()> choices, QObject* parent)
    : QStyledItemDelegate(parent), choices_(std::move(choices)) {}

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                      const QModelIndex&) const {
    auto* combo = new QComboBox(parent);
    combo->setObjectName("choice");
    combo->addItems(choices_());
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    const QString current = index.data(Qt::EditRole).toString();
    if (combo->findText(current) < 0)
        combo->addItem(current); // a name the checker reports as unknown stays visible
    combo->setCurrentText(current);
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                  const QModelIndex& index) const {
    const QString chosen = static_cast<QComboBox*>(editor)->currentText();
    if (chosen != index.data(Qt::EditRole).toString())
        model->setData(index, chosen, Qt::EditRole);
}

} // namespace spikestudio
