#include "inspector/ConstantsSection.h"

#include "document/ModelLookup.h"

#include <QToolButton>

namespace spikestudio {

ConstantsSection::ConstantsSection(ModelDocument* document, QWidget* parent)
    : NamedExpressionsSection(document, tr("Constants"), {tr("Name"), tr("Value")}, tr("constant"),
                              parent) {
    setObjectName("section:constants");
    addButton()->setToolTip(tr("Add a constant"));
    connect(addButton(), &QToolButton::clicked, this, &ConstantsSection::addEntry);
}

bool ConstantsSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Model;
}

const NamedExpressions* ConstantsSection::entriesIn(const Model& model) const {
    return &model.constants;
}

/// A free name, so that a new entry is valid until the user changes it.
void ConstantsSection::addEntry() {
    const std::string name = ModelLookup::freeName(model(), "c").toStdString();
    editEntries(tr("Add constant %1").arg(QString::fromStdString(name)),
                [name](NamedExpressions& list) { list.emplace_back(name, "1"); });
}

// The checker names a constant by object "constants" and field = its name.
std::optional<TableSection::Cell> ConstantsSection::problemCell(const Diagnostic& problem) const {
    const int row = problem.object == "constants" ? rowNamed(problem.field) : -1;
    if (row < 0)
        return std::nullopt;
    return Cell{row, 1}; // the message under the table names the entry and says what is wrong
}

} // namespace spikestudio
