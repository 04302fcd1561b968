#include "document/ModelFragment.h"

#include "document/LayoutJson.h"
#include "document/ModelLookup.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <map>

namespace spikestudio {

namespace {

const QString kFormat = QStringLiteral("spikestudio-fragment");
// A clipboard larger than this is not a fragment anyone copied.
constexpr qsizetype kMaximumJsonBytes = 64 * 1024 * 1024;

template <typename Spec> bool contains(const std::vector<Spec>& specs, const std::string& name) {
    return std::any_of(specs.begin(), specs.end(),
                       [&](const Spec& spec) { return spec.name == name; });
}

/// Whether one of `groups` is called `name` or has a subgroup called `name`.
bool holds(const std::vector<GroupSpec>& groups, const std::string& name) {
    return std::any_of(groups.begin(), groups.end(), [&](const GroupSpec& group) {
        return group.name == name ||
               std::any_of(group.subgroups.begin(), group.subgroups.end(),
                           [&](const SubgroupSpec& subgroup) { return subgroup.name == name; });
    });
}

bool selected(const QList<ObjectRef>& selection, ObjectRef::Kind kind, const std::string& name) {
    return selection.contains(ObjectRef{kind, QString::fromStdString(name)});
}

/// `name` when free in `model`, else name_copy, name_copy2, ... (a copy of
/// E_copy is E_copy2, not E_copy_copy).
std::string freeCopyName(const Model& model, const std::string& name) {
    QString candidate = QString::fromStdString(name);
    static const QRegularExpression copySuffix(QStringLiteral("_copy\\d*$"));
    const QString base = QString(candidate).remove(copySuffix);
    for (int number = 1; ModelLookup::nameTaken(model, candidate); ++number)
        candidate = base + "_copy" + (number == 1 ? QString() : QString::number(number));
    return candidate.toStdString();
}

/// A monitor named after its source (spikes_E) is named after the copy (spikes_E_copy).
std::string monitorName(const std::string& name, const std::string& source,
                        const std::string& copiedSource) {
    const std::string suffix = "_" + source;
    if (name.size() > suffix.size() && name.ends_with(suffix))
        return name.substr(0, name.size() - suffix.size()) + "_" + copiedSource;
    return name;
}

/// Names of the fragment's objects in the model they are pasted into.
class Renames {
public:
    std::string add(const Model& model, const std::string& name) {
        const std::string renamed = freeCopyName(model, name);
        names_[name] = renamed;
        return renamed;
    }
    std::optional<std::string> of(const std::string& name) const {
        const auto found = names_.find(name);
        return found == names_.end() ? std::nullopt : std::optional(found->second);
    }

private:
    std::map<std::string, std::string> names_;
};

QPointF centreOf(const QList<QPointF>& points) {
    QPointF sum;
    for (QPointF point : points)
        sum += point;
    return points.isEmpty() ? QPointF() : sum / double(points.size());
}

} // namespace

ModelFragment ModelFragment::of(const Model& model, const NodeLayout& layout,
                                const QList<ObjectRef>& selection) {
    ModelFragment fragment;
    fragment.model.constants = model.constants;
    fragment.model.timedArrays = model.timedArrays;
    fragment.model.binomialFunctions = model.binomialFunctions;
    for (const GroupSpec& group : model.groups)
        if (selected(selection, ObjectRef::Kind::Group, group.name)) {
            fragment.model.groups.push_back(group);
            const QString name = QString::fromStdString(group.name);
            if (layout.contains(name))
                fragment.layout.insert(name, layout.value(name));
        }
    const auto& groups = fragment.model.groups;
    for (const SynapsesSpec& synapses : model.synapses)
        if (selected(selection, ObjectRef::Kind::Synapses, synapses.name) ||
            (holds(groups, synapses.source) && holds(groups, synapses.target)))
            fragment.model.synapses.push_back(synapses);
    for (const MonitorSpec& monitor : model.monitors)
        if (holds(groups, monitor.source) || contains(fragment.model.synapses, monitor.source))
            fragment.model.monitors.push_back(monitor);
    for (const PoissonInputSpec& input : model.poissonInputs)
        if (holds(groups, input.target))
            fragment.model.poissonInputs.push_back(input);
    return fragment;
}

QByteArray ModelFragment::toJson() const {
    const QJsonObject modelObject =
        QJsonDocument::fromJson(QByteArray::fromStdString(writeModelJson(model))).object();
    const QJsonObject layoutObject =
        QJsonDocument::fromJson(QByteArray::fromStdString(LayoutJson::write(layout))).object();
    return QJsonDocument(QJsonObject{{"format", kFormat},
                                     {"version", 1},
                                     {"model", modelObject},
                                     {"layout", layoutObject}})
        .toJson(QJsonDocument::Compact);
}

std::optional<ModelFragment> ModelFragment::fromJson(const QByteArray& json) {
    if (json.size() > kMaximumJsonBytes)
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.value("format").toString() != kFormat || root.value("version").toInt() != 1 ||
        !root.value("model").isObject())
        return std::nullopt;
    ModelFragment fragment;
    try {
        fragment.model = readModel(QJsonDocument(root.value("model").toObject())
                                       .toJson(QJsonDocument::Compact)
                                       .toStdString());
    } catch (const std::exception&) {
        return std::nullopt; // not a model: nothing to paste
    }
    fragment.layout = LayoutJson::read(QJsonDocument(root.value("layout").toObject())
                                           .toJson(QJsonDocument::Compact)
                                           .toStdString());
    if (fragment.isEmpty())
        return std::nullopt;
    return fragment;
}

QList<ObjectRef> ModelFragment::pasteInto(Model& target, NodeLayout& layout, QPointF center) const {
    QList<ObjectRef> added;
    for (const auto& [name, value] : model.constants)
        if (!ModelLookup::nameTaken(target, QString::fromStdString(name)))
            target.constants.emplace_back(name, value);
    for (const TimedArraySpec& array : model.timedArrays)
        if (!ModelLookup::nameTaken(target, QString::fromStdString(array.name)))
            target.timedArrays.push_back(array);
    for (const BinomialFunctionSpec& function : model.binomialFunctions)
        if (!ModelLookup::nameTaken(target, QString::fromStdString(function.name)))
            target.binomialFunctions.push_back(function);

    // The nodes move together, keeping their arrangement; one without a
    // position goes to the free spot nearest the centre.
    QList<QPointF> positions;
    for (const GroupSpec& group : model.groups)
        if (const QString name = QString::fromStdString(group.name); this->layout.contains(name))
            positions << this->layout.value(name);
    const QPointF offset = freeOffsetNear(layout, positions, center - centreOf(positions));
    Renames renames;
    for (GroupSpec group : model.groups) {
        const QString original = QString::fromStdString(group.name);
        group.name = renames.add(target, group.name);
        const QString name = QString::fromStdString(group.name);
        layout.insert(name, this->layout.contains(original) ? this->layout.value(original) + offset
                                                            : freeSpotNear(layout, center));
        // Subgroups share the namespace: each gets a free name, one at a time.
        std::vector<SubgroupSpec> subgroups = std::move(group.subgroups);
        group.subgroups.clear();
        target.groups.push_back(std::move(group));
        for (SubgroupSpec& subgroup : subgroups) {
            subgroup.name = renames.add(target, subgroup.name);
            target.groups.back().subgroups.push_back(std::move(subgroup));
        }
        added << ObjectRef::group(name);
    }
    auto groupNamed = [&](const std::string& name) -> std::optional<std::string> {
        if (auto renamed = renames.of(name))
            return renamed;
        if (holds(target.groups, name))
            return name;
        return std::nullopt;
    };
    for (SynapsesSpec synapses : model.synapses) {
        const auto source = groupNamed(synapses.source), targetGroup = groupNamed(synapses.target);
        if (!source || !targetGroup)
            continue; // its ends are in neither model
        synapses.source = *source;
        synapses.target = *targetGroup;
        synapses.name = renames.add(target, synapses.name);
        added << ObjectRef::synapses(QString::fromStdString(synapses.name));
        target.synapses.push_back(std::move(synapses));
    }
    for (MonitorSpec monitor : model.monitors) {
        const auto source = renames.of(monitor.source);
        if (!source)
            continue;
        monitor.name = freeCopyName(target, monitorName(monitor.name, monitor.source, *source));
        monitor.source = *source;
        target.monitors.push_back(std::move(monitor));
    }
    for (PoissonInputSpec input : model.poissonInputs) {
        const auto targetGroup = renames.of(input.target);
        if (!targetGroup)
            continue;
        input.target = *targetGroup;
        input.name = freeCopyName(target, input.name);
        target.poissonInputs.push_back(std::move(input));
    }
    return added;
}

} // namespace spikestudio
