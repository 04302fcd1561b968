#pragma once

#include "model/CheckedModel.h"
#include "model/FieldDescriptor.h"
#include "model/Model.h"
#include "model/SynapsesChecker.h"

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace spikestudio {

/// How the canvas draws objects of a kind; the ui maps each role to a colour.
enum class StyleRole { Neurons, Stimulus, Generator, Connection, Recorder, Input, Table };

/// Where a NumberTable field keeps its values, row count and column count.
template <typename Spec> struct TableSlot {
    std::vector<double> Spec::*values;
    long long Spec::*rows;
    long long Spec::*columns;
};

/// Where a RecordChoice field keeps "every element" and the chosen indices.
template <typename Spec> struct RecordSlot {
    bool Spec::*all;
    std::vector<long long> Spec::*indices;
};

/// Where `initial` keeps its two forms: the ordered map, and the list of
/// assignments with indices, conditions or arrays (only one is used).
template <typename Spec> struct InitialSlot {
    NamedExpressions Spec::*plain;
    std::vector<AssignmentSpec> Spec::*assignments;
};

/// Where `connect` keeps Brian2's connect() calls: the first, then any further
/// ones (written as a list when there are any).
template <typename Spec> struct ConnectSlot {
    ConnectSpec Spec::*first;
    std::vector<ConnectSpec> Spec::*later;
};

/// The member of `Spec` a field is stored in. The kind's type name has no
/// member: it is the kind itself.
template <typename Spec>
using FieldSlot =
    std::variant<std::monostate, std::string Spec::*, long long Spec::*,
                 std::vector<long long> Spec::*, std::vector<std::string> Spec::*,
                 NamedExpressions Spec::*, ConnectSlot<Spec>, RecordSlot<Spec>, TableSlot<Spec>,
                 InitialSlot<Spec>, std::vector<SubgroupSpec> Spec::*,
                 std::vector<PathwaySpec> Spec::*, std::optional<long long> Spec::*, bool Spec::*,
                 std::vector<RunRegularlySpec> Spec::*, std::vector<EventSpec> Spec::*,
                 std::vector<LinkSpec> Spec::*>;

/// A problem with a whole object rather than one field's JSON type (two
/// lists of different length).
struct FieldProblem {
    std::string field;
    std::string problem;
};

/// One kind of object a model holds (NeuronGroup, Synapses, StateMonitor, ...):
/// its type name, its fields in the order the model file writes them, and
/// what the editor needs to offer it. The type name is written only for
/// families with more than one kind (groups, monitors).
struct ObjectKind {
    std::string typeName;
    ObjectFamily family = ObjectFamily::Group;
    std::string label;       // in running text: "neuron group", "Poisson group"
    std::string shortLabel;  // one word for tables and badges: "spikes", "rate"
    std::string summary;     // what a new one is ("leaky integrate-and-fire, 100 neurons"),
                             // for a monitor what it records ("population rate")
    std::string description; // one sentence for tooltips and docs
    std::string namePrefix;  // a new object is named prefix, prefix_1, ...
    StyleRole style = StyleRole::Neurons;
    std::vector<FieldDescriptor> fields;

    const FieldDescriptor* field(std::string_view key) const;
    bool hasField(std::string_view key) const { return field(key) != nullptr; }
    /// Whether field `key` exists and must be given (a new object needs a choice).
    bool needs(std::string_view key) const {
        const FieldDescriptor* descriptor = field(key);
        return descriptor && descriptor->required;
    }
};

/// A kind whose objects are stored as `Spec`: each field with its member.
template <typename Spec> struct SpecKind : ObjectKind {
    std::vector<FieldSlot<Spec>> members; // parallel to `fields`
    Spec (*prototype)() = nullptr;        // field values of a new object, without a name
    std::optional<FieldProblem> (*shapeProblem)(const Spec&) = nullptr;

    void add(FieldDescriptor descriptor, FieldSlot<Spec> slot) {
        fields.push_back(std::move(descriptor));
        members.push_back(slot);
    }

    /// The member holding text field `key`, or null (no such field, or not text).
    template <typename S> auto* text(S& spec, std::string_view key) const {
        using Text = std::conditional_t<std::is_const_v<S>, const std::string, std::string>;
        for (size_t k = 0; k < fields.size(); ++k)
            if (fields[k].key == key)
                if (const auto* member = std::get_if<std::string Spec::*>(&members[k]))
                    return static_cast<Text*>(&(spec.**member));
        return static_cast<Text*>(nullptr);
    }
};

/// Empties the field `slot` names in `spec`.
template <typename Spec> void clearField(const FieldSlot<Spec>& slot, Spec& spec) {
    std::visit(
        [&spec](const auto& member) {
            using Member = std::decay_t<decltype(member)>;
            if constexpr (std::is_same_v<Member, RecordSlot<Spec>>) {
                spec.*member.all = false;
                (spec.*member.indices).clear();
            } else if constexpr (std::is_same_v<Member, TableSlot<Spec>>) {
                (spec.*member.values).clear();
                spec.*member.rows = spec.*member.columns = 0;
            } else if constexpr (std::is_same_v<Member, ConnectSlot<Spec>>) {
                spec.*member.first = {};
                (spec.*member.later).clear();
            } else if constexpr (std::is_same_v<Member, InitialSlot<Spec>>) {
                (spec.*member.plain).clear();
                (spec.*member.assignments).clear();
            } else if constexpr (std::is_same_v<Member, bool Spec::*>) {
                spec.*member = true; // `active`: absent means true
            } else if constexpr (!std::is_same_v<Member, std::monostate>) {
                spec.*member = {};
            }
        },
        slot);
}

struct GroupKind : SpecKind<GroupSpec> {
    GroupType type = GroupType::NeuronGroup;
    CheckedGroup (*check)(const GroupSpec&, const Scope& constants, double modelDt) = nullptr;
};

struct SynapsesKind : SpecKind<SynapsesSpec> {
    CheckedSynapses (*check)(const SynapsesSpec&, const SynapsesContext&) = nullptr;
};

struct MonitorKind : SpecKind<MonitorSpec> {
    MonitorType type = MonitorType::Spike;
    CheckedMonitor (*check)(const MonitorSpec&, const CheckedModel&) = nullptr;
};

struct PoissonInputKind : SpecKind<PoissonInputSpec> {
    CheckedPoissonInput (*check)(const PoissonInputSpec&, size_t index,
                                 const std::vector<CheckedGroup>&,
                                 const Scope& constants) = nullptr;
};

struct TimedArrayKind : SpecKind<TimedArraySpec> {
    /// All of them at once: each becomes a function of `constants`.
    std::vector<CheckedTimedArray> (*check)(const std::vector<TimedArraySpec>&,
                                            Scope& constants) = nullptr;
};

struct BinomialFunctionKind : SpecKind<BinomialFunctionSpec> {
    /// All of them at once: each becomes a function of `constants`.
    std::vector<CheckedBinomialFunction> (*check)(const std::vector<BinomialFunctionSpec>&,
                                                  Scope& constants) = nullptr;
};

} // namespace spikestudio
