#pragma once

#include <QString>

namespace spikestudio {

/// Names one editable object of a Model: the model itself, a group or a
/// Synapses object. Names are unique across groups and synapses.
struct ObjectRef {
    enum class Kind { Model, Group, Synapses };
    Kind kind = Kind::Model;
    QString name;

    static ObjectRef group(const QString& name) { return {Kind::Group, name}; }
    static ObjectRef synapses(const QString& name) { return {Kind::Synapses, name}; }
    bool operator==(const ObjectRef&) const = default;
};

} // namespace spikestudio
