#include "inspector/MethodOptionsSection.h"

#include "document/ModelLookup.h"
#include "model/ObjectKinds.h"

#include <QToolButton>
#include <algorithm>

namespace spikestudio {

namespace {

/// Brian2's GSL options with their defaults, in the order a new row offers them.
const std::pair<const char*, const char*> kDefaults[] = {{"absolute_error", "1e-6"},
                                                         {"max_steps", "100"},
                                                         {"adaptable_timestep", "True"},
                                                         {"use_last_timestep", "True"}};

} // namespace

MethodOptionsSection::MethodOptionsSection(ModelDocument* document, QWidget* parent)
    : NamedExpressionsSection(document, tr("Method options"), {tr("Option"), tr("Value")},
                              tr("method option"), parent) {
    setObjectName("section:method_options");
    addButton()->setToolTip(tr("Add an option of the GSL method (absolute_error, "
                               "absolute_error[VARIABLE], max_steps, adaptable_timestep, "
                               "use_last_timestep, save_step_count, save_failed_steps)"));
    connect(addButton(), &QToolButton::clicked, this, &MethodOptionsSection::addOption);
}

const NamedExpressions* MethodOptionsSection::entriesIn(const Model& model) const {
    const GroupSpec* group = object().kind == ObjectRef::Kind::Group
                                 ? ModelLookup::group(model, object().name)
                                 : nullptr;
    return group ? &group->methodOptions : nullptr;
}

bool MethodOptionsSection::appliesTo(const ObjectRef& object) const {
    const GroupSpec* group =
        object.kind == ObjectRef::Kind::Group ? ModelLookup::group(model(), object.name) : nullptr;
    return group && ObjectKinds::of(group->type).hasField("method_options");
}

void MethodOptionsSection::addOption() {
    const NamedExpressions* current = entries();
    if (!current)
        return;
    const auto unset = std::find_if(std::begin(kDefaults), std::end(kDefaults), [&](auto option) {
        return std::none_of(current->begin(), current->end(),
                            [&](const auto& entry) { return entry.first == option.first; });
    });
    const std::pair<std::string, std::string> entry =
        unset != std::end(kDefaults)
            ? std::pair<std::string, std::string>(unset->first, unset->second)
            : std::pair<std::string, std::string>("absolute_error[v]", "1e-6");
    editEntries(tr("Add method option %1").arg(QString::fromStdString(entry.first)),
                [entry](NamedExpressions& list) { list.push_back(entry); });
}

// The checker names an option by field "method_options.<option>".
std::optional<TableSection::Cell>
MethodOptionsSection::problemCell(const Diagnostic& problem) const {
    if (problem.object != object().name || !problem.field.startsWith("method_options"))
        return std::nullopt;
    const QString option = problem.field.section('.', 1);
    const int row = rowNamed(option);
    if (row >= 0)
        return Cell{row, 1};
    return rows().isEmpty() ? std::nullopt : std::optional<Cell>(Cell{0, 0});
}

} // namespace spikestudio
