#include "document/ObjectRemoval.h"

#include <QObject>
#include <algorithm>

namespace spikestudio::ObjectRemoval {

namespace {

template <typename Spec, typename Predicate>
void eraseIf(std::vector<Spec>& specs, Predicate drop) {
    specs.erase(std::remove_if(specs.begin(), specs.end(), drop), specs.end());
}

/// What depends on a group may name the group or one of its subgroups.
void removeGroupAndDependents(Model& model, NodeLayout& layout, const std::string& name) {
    std::vector<std::string> names{name};
    for (const GroupSpec& group : model.groups)
        if (group.name == name)
            for (const SubgroupSpec& subgroup : group.subgroups)
                names.push_back(subgroup.name);
    auto named = [&](const std::string& reference) {
        return std::find(names.begin(), names.end(), reference) != names.end();
    };
    std::vector<std::string> removedSynapses;
    for (const SynapsesSpec& synapses : model.synapses)
        if (named(synapses.source) || named(synapses.target))
            removedSynapses.push_back(synapses.name);
    eraseIf(model.synapses,
            [&](const SynapsesSpec& s) { return named(s.source) || named(s.target); });
    eraseIf(model.monitors, [&](const MonitorSpec& m) {
        return named(m.source) || std::find(removedSynapses.begin(), removedSynapses.end(),
                                            m.source) != removedSynapses.end();
    });
    eraseIf(model.groups, [&](const GroupSpec& g) { return g.name == name; });
    eraseIf(model.poissonInputs, [&](const PoissonInputSpec& p) { return named(p.target); });
    layout.remove(QString::fromStdString(name));
}

/// The names in `before` that `after` no longer has, leaving out `named`.
template <typename Spec>
QStringList gone(const std::vector<Spec>& before, const std::vector<Spec>& after,
                 const QList<ObjectRef>& named) {
    QStringList names;
    for (const Spec& spec : before) {
        const QString name = QString::fromStdString(spec.name);
        const bool kept = std::any_of(after.begin(), after.end(),
                                      [&](const Spec& other) { return other.name == spec.name; });
        const bool chosen = std::any_of(named.begin(), named.end(), [&](const ObjectRef& object) {
            return object.name == name;
        });
        if (!kept && !chosen)
            names << name;
    }
    return names;
}

QString listed(const QString& singular, const QString& plural, const QStringList& names) {
    return (names.size() == 1 ? singular : plural) + " " + names.join(", ");
}

} // namespace

void remove(Model& model, NodeLayout& layout, const QList<ObjectRef>& objects) {
    for (const ObjectRef& object : objects) {
        const std::string name = object.name.toStdString();
        if (object.kind == ObjectRef::Kind::Group)
            removeGroupAndDependents(model, layout, name);
        else if (object.kind == ObjectRef::Kind::Synapses)
            eraseIf(model.synapses, [&](const SynapsesSpec& s) { return s.name == name; });
        // A monitor may record a group's or a Synapses object's variables.
        eraseIf(model.monitors, [&](const MonitorSpec& m) { return m.source == name; });
    }
}

Dependents dependents(const Model& model, const QList<ObjectRef>& objects) {
    Model after = model;
    NodeLayout layout;
    remove(after, layout, objects);
    return {gone(model.synapses, after.synapses, objects),
            gone(model.monitors, after.monitors, objects),
            gone(model.poissonInputs, after.poissonInputs, objects)};
}

QString count(const Dependents& dependents) {
    QStringList parts;
    auto add = [&](const QStringList& names, const QString& one, const QString& many) {
        if (!names.isEmpty())
            parts << QStringLiteral("%1 %2").arg(names.size()).arg(names.size() == 1 ? one : many);
    };
    add(dependents.synapses, QObject::tr("Synapses object"), QObject::tr("Synapses objects"));
    add(dependents.monitors, QObject::tr("monitor"), QObject::tr("monitors"));
    add(dependents.poissonInputs, QObject::tr("PoissonInput"), QObject::tr("PoissonInputs"));
    return parts.join(", ");
}

QString describe(const QList<ObjectRef>& objects, const Dependents& dependents) {
    QStringList names;
    for (const ObjectRef& object : objects)
        names << object.name;
    QStringList along;
    if (!dependents.synapses.isEmpty())
        along << listed(QObject::tr("synapses"), QObject::tr("synapses"), dependents.synapses);
    if (!dependents.monitors.isEmpty())
        along << listed(QObject::tr("monitor"), QObject::tr("monitors"), dependents.monitors);
    if (!dependents.poissonInputs.isEmpty())
        along << listed(QObject::tr("PoissonInput"), QObject::tr("PoissonInputs"),
                        dependents.poissonInputs);
    QString text = QObject::tr("Deleted %1").arg(names.join(", "));
    if (!along.isEmpty()) {
        const QString last = along.takeLast();
        text +=
            QObject::tr(" with ") + (along.isEmpty() ? last : along.join(", ") + " and " + last);
    }
    return text + QObject::tr(" (Ctrl+Z to undo)");
}

} // namespace spikestudio::ObjectRemoval
