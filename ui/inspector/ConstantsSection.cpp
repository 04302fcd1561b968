#include "inspector/ConstantsSection.h"

#include "document/ModelLookup.h"

#include <QToolButton>

namespace spikestudio {

ConstantsSection::ConstantsSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Constants"), {tr("Name"), tr("Value")}, parent) {
    setObjectName("section:constants");
    addButton()->setToolTip(tr("Add a constant"));
    connect(addButton(), &QToolButton::clicked, this, &ConstantsSection::addEntry);
}

bool ConstantsSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Model;
}

QList<QStringList> ConstantsSection::rows() const {
    QList<QStringList> rows;
    for (const auto& [name, value] : model().constants)
        rows.append({QString::fromStdString(name), QString::fromStdString(value)});
    return rows;
}

void ConstantsSection::editEntries(const QString& text,
                                   const std::function<void(NamedExpressions&)>& edit) {
    pushEdit(text, [edit](Model& model) { edit(model.constants); });
}

void ConstantsSection::commitCell(int row, int column, const QString& text) {
    const std::string value = text.trimmed().toStdString();
    editEntries(tr("Edit constant %1").arg(text), [row, column, value](NamedExpressions& list) {
        if (row < int(list.size()))
            (column == 0 ? list[size_t(row)].first : list[size_t(row)].second) = value;
    });
}

/// A free name, so that a new entry is valid until the user changes it.
void ConstantsSection::addEntry() {
    const std::string name = ModelLookup::freeName(model(), "c").toStdString();
    editEntries(tr("Add constant %1").arg(QString::fromStdString(name)),
                [name](NamedExpressions& list) { list.emplace_back(name, "1"); });
}

void ConstantsSection::removeRow(int row) {
    editEntries(tr("Remove constant"), [row](NamedExpressions& list) {
        if (row < int(list.size()))
            list.erase(list.begin() + row);
    });
}

int ConstantsSection::rowNamed(const QString& name) const {
    const QList<QStringList> shown = rows();
    for (int row = 0; row < shown.size(); ++row)
        if (shown[row].value(0) == name)
            return row;
    return -1;
}

// The checker names a constant by object "constants" and field = its name.
std::optional<TableSection::Cell> ConstantsSection::problemCell(const Diagnostic& problem) const {
    const int row = problem.object == "constants" ? rowNamed(problem.field) : -1;
    if (row < 0)
        return std::nullopt;
    return Cell{row, 1}; // the message under the table names the entry and says what is wrong
}

} // namespace spikestudio
