#include "document/ScheduleFields.h"

#include "document/ModelLookup.h"
#include "timing/ScheduleSlotNames.h"

#include <QObject>

namespace spikestudio::ScheduleFields {

namespace {

template <typename Spec> Values read(const Spec& spec) {
    return {spec.when, spec.order, spec.active};
}

template <typename Spec> void write(Spec& spec, const Values& values) {
    spec.when = values.when;
    spec.order = values.order;
    spec.active = values.active;
}

} // namespace

QStringList slotNames() {
    QStringList names;
    for (int slot = int(ScheduleSlot::BeforeStart); slot <= int(ScheduleSlot::AfterEnd); ++slot)
        names << QString::fromStdString(scheduleSlotName(ScheduleSlot(slot)));
    return names;
}

QString whenText(const std::string& when) {
    return when.empty() ? QStringLiteral("default") : QString::fromStdString(when);
}

QString orderText(const std::optional<long long>& order) {
    return order ? QString::number(*order) : QStringLiteral("default");
}

std::string parseWhen(const QString& text) {
    const QString trimmed = text.trimmed();
    return trimmed == "default" ? std::string() : trimmed.toStdString();
}

bool parseOrder(const QString& text, std::optional<long long>& order, QString* problem) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == "default") {
        order.reset();
        return true;
    }
    bool isInteger = false;
    const int value = trimmed.toInt(&isInteger);
    if (!isInteger) {
        *problem =
            QObject::tr("an order is a whole number such as -1, 0 or 2 (or default), not '%1'")
                .arg(trimmed);
        return false;
    }
    order = value;
    return true;
}

std::optional<Values> of(const Model& model, const ObjectRef& object) {
    if (object.kind == ObjectRef::Kind::Group)
        if (const GroupSpec* group = ModelLookup::group(model, object.name))
            return read(*group);
    if (object.kind == ObjectRef::Kind::Synapses)
        if (const SynapsesSpec* synapses = ModelLookup::synapses(model, object.name))
            return read(*synapses);
    return std::nullopt;
}

std::optional<Values> ofMonitor(const Model& model, const std::string& monitor) {
    for (const MonitorSpec& spec : model.monitors)
        if (spec.name == monitor)
            return read(spec);
    return std::nullopt;
}

bool set(Model& model, const ObjectRef& object, const Values& values) {
    if (object.kind == ObjectRef::Kind::Group)
        if (GroupSpec* group = ModelLookup::group(model, object.name)) {
            write(*group, values);
            return true;
        }
    if (object.kind == ObjectRef::Kind::Synapses)
        if (SynapsesSpec* synapses = ModelLookup::synapses(model, object.name)) {
            write(*synapses, values);
            return true;
        }
    return false;
}

bool setMonitor(Model& model, const std::string& monitor, const Values& values) {
    for (MonitorSpec& spec : model.monitors)
        if (spec.name == monitor) {
            write(spec, values);
            return true;
        }
    return false;
}

} // namespace spikestudio::ScheduleFields
