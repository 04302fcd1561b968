#include "inspector/NamedExpressionsSection.h"

namespace spikestudio {

NamedExpressionsSection::NamedExpressionsSection(ModelDocument* document, const QString& title,
                                                 const QStringList& headers, const QString& entry,
                                                 QWidget* parent)
    : TableSection(document, title, headers, parent), entry_(entry) {}

QList<QStringList> NamedExpressionsSection::rows() const {
    QList<QStringList> rows;
    if (const NamedExpressions* list = entries())
        for (const auto& [name, value] : *list)
            rows.append({QString::fromStdString(name), QString::fromStdString(value)});
    return rows;
}

void NamedExpressionsSection::editEntries(const QString& text,
                                          const std::function<void(NamedExpressions&)>& edit) {
    // The edit runs at once, on the command's own copy of the model (never
    // const), so the list found in it may be changed.
    pushEdit(text, [this, edit](Model& model) {
        if (const NamedExpressions* list = entriesIn(model))
            edit(const_cast<NamedExpressions&>(*list));
    });
}

void NamedExpressionsSection::commitCell(int row, int column, const QString& text) {
    const std::string value = text.trimmed().toStdString();
    editEntries(tr("Edit %1 %2").arg(entry_, text), [row, column, value](NamedExpressions& list) {
        if (row < int(list.size()))
            (column == 0 ? list[size_t(row)].first : list[size_t(row)].second) = value;
    });
}

void NamedExpressionsSection::removeRow(int row) {
    editEntries(tr("Remove %1").arg(entry_), [row](NamedExpressions& list) {
        if (row < int(list.size()))
            list.erase(list.begin() + row);
    });
}

int NamedExpressionsSection::rowNamed(const QString& name) const {
    const QList<QStringList> shown = rows();
    for (int row = 0; row < shown.size(); ++row)
        if (shown[row].value(0) == name)
            return row;
    return -1;
}

} // namespace spikestudio
