#pragma once

#include <string>
#include <vector>

namespace spikestudio {

/// What a field of an object holds, as the model file writes it.
enum class FieldType {
    Name,             // an identifier (the object's own name)
    TypeName,         // the kind's type name ("NeuronGroup"), the family's discriminator
    Expression,       // one expression, or a plain number
    Statements,       // code: `v = 0*mV`, one statement a line
    Equations,        // Brian2 equations
    Integer,          // a whole number within the field's range
    Integers,         // a list of whole numbers (one number counts as a list of one)
    Expressions,      // a list of expressions
    Names,            // a list of names (variables of another object)
    NamedExpressions, // name -> expression, in the order written
    Reference,        // the name of another object of the field's family
    RecordChoice,     // true, false or a list of indices
    ConnectRule,      // Brian2's connect(): condition, p, n, i, j or a generator
    NumberTable,      // numbers: a list, or a list of equally long lists
    Subgroups,        // named slices of a group: [{"name", "start", "stop"}, ...]
    Events,           // custom events: [{"name", "condition", "code"}, ...]
    Pathways,         // synaptic pathways: [{"name", "direction", "code", "delay", "event"}, ...]
    ScheduleSlot,     // Brian2's `when`: a slot name such as "end" or "before_groups"
    Order,            // Brian2's `order`: an integer, written only when given
    Active,           // Brian2's `active`: true or false, written only when false
    RunRegularly,     // [{"name", "code", "dt", "when", "order"}, ...]
    Links,            // [{"variable", "source", "source_variable", "index"}, ...]
    Flag,             // true or false, true by default and written only when false
};

/// Which unit a field's value must have.
enum class UnitRule {
    None,               // not a quantity (names, code, lists of indices)
    Time,               // seconds
    Rate,               // hertz
    Dimensionless,      // a pure number
    Condition,          // a boolean
    TimeOrCondition,    // refractory: a period or a condition
    TargetVariable,     // the unit of the variable the field writes to
    PerStatementTarget, // each statement in the unit of what it assigns
    Declared,           // equations: each declares its own unit
    Any,                // any unit (`unit` of a TimedArray names one)
};

/// Which widget the inspector edits a field with.
enum class EditorHint {
    None,             // not edited as a field of its own (name, type, connect rule as a whole)
    CodeEditor,       // several lines of Brian2 code
    Expression,       // one line of text
    Number,           // a whole number
    Table,            // a table of rows
    ReferenceChooser, // a choice among the objects of a family
    ConnectForm,      // the connect rule's form and its parts
};

enum class ObjectFamily { Group, Synapses, Monitor, PoissonInput, TimedArray, BinomialFunction };

/// One field of an object kind: how the model file spells it, what it holds,
/// whether it must be there, its unit, how it is edited, and what it means.
struct FieldDescriptor {
    std::string key{}; // the JSON key, also the field a ModelError names
    FieldType type = FieldType::Expression;
    bool required = false;         // else absent or empty means `emptyMeans`
    bool emptyListAllowed = false; // a required list that may be written empty (`[]`)
    UnitRule unit = UnitRule::None;
    EditorHint editor = EditorHint::None;
    std::string label{};                    // the inspector's row label
    std::string emptyMeans{};               // what an absent value means ("none", "the model's dt")
    std::string example{};                  // a placeholder showing what to write
    std::string description{};              // one sentence for tooltips and docs
    int lines = 1;                          // rows of a code editor
    std::vector<ObjectFamily> references{}; // of a Reference field: whose names it takes
    long long minimum = 0, maximum = 0;     // of an Integer field
    /// Can change while a network runs (the new text takes effect between steps).
    bool liveEditable = false;

    /// What an empty editor shows: what an absent value means, else an example.
    const std::string& placeholder() const { return emptyMeans.empty() ? example : emptyMeans; }
};

} // namespace spikestudio
