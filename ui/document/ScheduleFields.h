#pragma once

#include "document/ObjectRef.h"
#include "model/Model.h"

#include <QStringList>
#include <optional>
#include <string>

namespace spikestudio {

/// Brian2's scheduling fields (`when`, `order`, `active`) as the inspector
/// edits them on a group, a Synapses object or a monitor, which keep them in
/// members of the same names.
namespace ScheduleFields {

/// The slot names Brian2 offers for `when`, in run order.
QStringList slotNames();

/// A table cell's text for `when` and `order`: "default" when not given.
QString whenText(const std::string& when);
QString orderText(const std::optional<long long>& order);
/// The cell's text read back: "default" or nothing is no value given. An
/// order that is not a whole number within a C int is refused with `problem`.
std::string parseWhen(const QString& text);
bool parseOrder(const QString& text, std::optional<long long>& order, QString* problem);

/// The fields of one object, or nothing when it does not exist.
struct Values {
    std::string when;
    std::optional<long long> order;
    bool active = true;
    bool operator==(const Values&) const = default;
};
std::optional<Values> of(const Model& model, const ObjectRef& object);
std::optional<Values> ofMonitor(const Model& model, const std::string& monitor);

/// Writes `values` to the object (or monitor); false when there is none.
bool set(Model& model, const ObjectRef& object, const Values& values);
bool setMonitor(Model& model, const std::string& monitor, const Values& values);

} // namespace ScheduleFields

} // namespace spikestudio
