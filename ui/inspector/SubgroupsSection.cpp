#include "inspector/SubgroupsSection.h"

#include "document/ModelLookup.h"
#include "model/ObjectKinds.h"

#include <QRegularExpression>
#include <QToolButton>

namespace spikestudio {

namespace {

enum Column { NameColumn, StartColumn, StopColumn };

const QStringList kParts{"name", "start", "stop"};

void renameReferences(Model& model, const std::string& before, const std::string& after) {
    for (SynapsesSpec& synapses : model.synapses) {
        if (synapses.source == before)
            synapses.source = after;
        if (synapses.target == before)
            synapses.target = after;
    }
    for (MonitorSpec& monitor : model.monitors)
        if (monitor.source == before)
            monitor.source = after;
    for (PoissonInputSpec& input : model.poissonInputs)
        if (input.target == before)
            input.target = after;
}

} // namespace

SubgroupsSection::SubgroupsSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Subgroups"), {tr("Name"), tr("Start"), tr("Stop")}, parent) {
    setObjectName("section:subgroups");
    addButton()->setToolTip(
        tr("Name a slice of this group (Brian2's P[start:stop]) for synapses and monitors"));
    connect(addButton(), &QToolButton::clicked, this, &SubgroupsSection::addSubgroup);
}

bool SubgroupsSection::appliesTo(const ObjectRef& object) const {
    const GroupSpec* group =
        object.kind == ObjectRef::Kind::Group ? ModelLookup::group(model(), object.name) : nullptr;
    return group && ObjectKinds::of(group->type).hasField("subgroups");
}

QList<QStringList> SubgroupsSection::rows() const {
    QList<QStringList> rows;
    if (const GroupSpec* group = ModelLookup::group(model(), object().name))
        for (const SubgroupSpec& subgroup : group->subgroups)
            rows.append({QString::fromStdString(subgroup.name), QString::number(subgroup.start),
                         QString::number(subgroup.stop)});
    return rows;
}

void SubgroupsSection::editSubgroups(
    const QString& text, const std::function<void(Model&, std::vector<SubgroupSpec>&)>& edit) {
    const QString name = object().name;
    pushEdit(text, [name, edit](Model& model) {
        if (GroupSpec* group = ModelLookup::group(model, name))
            edit(model, group->subgroups);
    });
}

/// A free name, over the elements after the last subgroup (the whole group
/// when that is none), so that the new entry is valid as it stands.
void SubgroupsSection::addSubgroup() {
    const GroupSpec* group = ModelLookup::group(model(), object().name);
    if (!group)
        return;
    SubgroupSpec subgroup;
    subgroup.name = ModelLookup::freeName(model(), object().name + "_part").toStdString();
    subgroup.start = group->subgroups.empty() ? 0 : group->subgroups.back().stop;
    if (subgroup.start >= group->size)
        subgroup.start = 0;
    subgroup.stop = group->size;
    editSubgroups(
        tr("Add subgroup %1").arg(QString::fromStdString(subgroup.name)),
        [subgroup](Model&, std::vector<SubgroupSpec>& list) { list.push_back(subgroup); });
}

void SubgroupsSection::commitCell(int row, int column, const QString& text) {
    if (column == NameColumn)
        commitName(row, text);
    else
        commitBound(row, column, text);
}

void SubgroupsSection::commitName(int row, const QString& text) {
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));
    const QString name = text.trimmed();
    const QString current = rows().value(row).value(NameColumn);
    if (name == current)
        return;
    if (!identifier.match(name).hasMatch()) {
        showLocalProblem(row, NameColumn,
                         tr("'%1' is not a name (letters, digits and _, not starting with a "
                            "digit, at most 64 characters)")
                             .arg(text));
        return;
    }
    if (ModelLookup::nameTaken(model(), name)) {
        showLocalProblem(row, NameColumn, tr("the name '%1' is already used").arg(name));
        return;
    }
    const std::string before = current.toStdString(), after = name.toStdString();
    editSubgroups(tr("Rename subgroup %1 to %2").arg(current, name),
                  [row, before, after](Model& model, std::vector<SubgroupSpec>& list) {
                      if (row >= int(list.size()))
                          return;
                      list[size_t(row)].name = after;
                      renameReferences(model, before, after);
                  });
}

void SubgroupsSection::commitBound(int row, int column, const QString& text) {
    bool ok = false;
    const long long value = text.trimmed().toLongLong(&ok);
    if (!ok || value < 0) {
        showLocalProblem(row, column,
                         tr("'%1' is not an element index (a whole number from 0 on)").arg(text));
        return;
    }
    editSubgroups(tr("Edit subgroup %1").arg(rows().value(row).value(NameColumn)),
                  [row, column, value](Model&, std::vector<SubgroupSpec>& list) {
                      if (row < int(list.size()))
                          (column == StartColumn ? list[size_t(row)].start
                                                 : list[size_t(row)].stop) = value;
                  });
}

void SubgroupsSection::removeRow(int row) {
    editSubgroups(tr("Remove subgroup %1").arg(rows().value(row).value(NameColumn)),
                  [row](Model&, std::vector<SubgroupSpec>& list) {
                      if (row < int(list.size()))
                          list.erase(list.begin() + row);
                  });
}

// The checker names a subgroup's field "subgroups[1].stop".
std::optional<TableSection::Cell> SubgroupsSection::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression field(QStringLiteral("^subgroups\\[(\\d+)\\](?:\\.(\\w+))?$"));
    if (problem.object != object().name)
        return std::nullopt;
    const QRegularExpressionMatch match = field.match(problem.field);
    if (!match.hasMatch())
        return std::nullopt;
    return Cell{match.captured(1).toInt(),
                int(std::max<qsizetype>(kParts.indexOf(match.captured(2)), 0))};
}

} // namespace spikestudio
