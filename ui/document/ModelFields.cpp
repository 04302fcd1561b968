#include "document/ModelFields.h"

#include "document/ModelLookup.h"
#include "document/NumberLists.h"
#include "model/ObjectKinds.h"
#include "model/Seed.h"

#include <QObject>
#include <limits>

namespace spikestudio {

namespace {

/// A text field of an object of `kind`, as its descriptor names it. The
/// object's name and its references change through renames and connections,
/// never as text; other names (the method, a variable) are text.
template <typename Spec, typename Kind>
auto kindText(const Kind& kind, Spec& spec, const QString& field) {
    const FieldDescriptor* descriptor = kind.field(field.toStdString());
    const bool editable =
        descriptor && descriptor->key != "name" && descriptor->type != FieldType::Reference;
    return editable ? kind.text(spec, field.toStdString()) : nullptr;
}

template <typename Synapses>
auto connectText(Synapses& synapses, const QString& field) -> decltype(&synapses.model) {
    if (field == "connect.condition")
        return &synapses.connect.condition;
    if (field == "connect.p")
        return &synapses.connect.p;
    if (field == "connect.n")
        return &synapses.connect.n;
    if (field == "connect.j")
        return &synapses.connect.generator;
    return nullptr;
}

template <typename Group>
auto groupText(Group& group, const QString& field) -> decltype(&group.equations) {
    return kindText(ObjectKinds::of(group.type), group, field);
}

template <typename Synapses>
auto synapsesText(Synapses& synapses, const QString& field) -> decltype(&synapses.model) {
    if (field.startsWith("connect."))
        return connectText(synapses, field);
    if (field == "multisynaptic_index") // a name, but of a variable: edited as text
        return &synapses.multisynapticIndex;
    return kindText(ObjectKinds::synapses(), synapses, field);
}

template <typename ModelType>
auto modelText(ModelType& model, const QString& field) -> decltype(&model.name) {
    if (field == "name")
        return &model.name;
    if (field == "dt")
        return &model.dt;
    if (field == "duration")
        return &model.duration;
    if (field == "description")
        return &model.description;
    return nullptr;
}

template <typename ModelType>
auto textField(ModelType& model, const ObjectRef& object, const QString& field)
    -> decltype(&model.name) {
    switch (object.kind) {
    case ObjectRef::Kind::Model:
        return modelText(model, field);
    case ObjectRef::Kind::Group: {
        auto* group = ModelLookup::group(model, object.name);
        return group ? groupText(*group, field) : nullptr;
    }
    case ObjectRef::Kind::Synapses: {
        auto* synapses = ModelLookup::synapses(model, object.name);
        return synapses ? synapsesText(*synapses, field) : nullptr;
    }
    }
    return nullptr;
}

bool writeSize(Model& model, const ObjectRef& object, const QString& value) {
    GroupSpec* group = ModelLookup::group(model, object.name);
    bool ok = false;
    const long long size = value.toLongLong(&ok);
    if (!group || !ok || size < 1)
        return false;
    group->size = size;
    return true;
}

const char* formName(ConnectSpec::Form form) {
    switch (form) {
    case ConnectSpec::Form::Rule:
        return "rule";
    case ConnectSpec::Form::Arrays:
        return "arrays";
    case ConnectSpec::Form::Generator:
        return "generator";
    }
    return "rule";
}

std::optional<ConnectSpec::Form> formNamed(const QString& name) {
    for (auto form :
         {ConnectSpec::Form::Rule, ConnectSpec::Form::Arrays, ConnectSpec::Form::Generator})
        if (name == formName(form))
            return form;
    return std::nullopt;
}

/// The fields that hold numbers rather than text: for these the model keeps
/// its value when the text does not parse, and the editor says why.
bool isIndexArray(const Model& model, const ObjectRef& object, const QString& field) {
    if (object.kind != ObjectRef::Kind::Synapses)
        return false;
    const SynapsesSpec* synapses = ModelLookup::synapses(model, object.name);
    return synapses &&
           (field == "connect.i" ||
            (field == "connect.j" && synapses->connect.form == ConnectSpec::Form::Arrays));
}

std::optional<std::uint32_t> parseSeed(const QString& value, QString* problem) {
    const std::optional<std::uint32_t> seed = Seed::parse(value.toStdString());
    if (!seed)
        *problem = QString::fromStdString(Seed::problem()) + QObject::tr(", or empty");
    return seed;
}

/// Fields read and written other than as plain text, or nothing.
std::optional<QString> readSpecial(const Model& model, const ObjectRef& object,
                                   const QString& field) {
    if (object.kind == ObjectRef::Kind::Model && field == "seed")
        return model.seed ? QString::number(*model.seed) : QString();
    if (object.kind == ObjectRef::Kind::Model && field == "legacy_refractory_timing")
        return model.legacyRefractoryTiming ? "true" : "false";
    if (object.kind == ObjectRef::Kind::Group && field == "N") {
        const GroupSpec* group = ModelLookup::group(model, object.name);
        return group ? QString::number(group->size) : QString();
    }
    const SynapsesSpec* synapses = object.kind == ObjectRef::Kind::Synapses
                                       ? ModelLookup::synapses(model, object.name)
                                       : nullptr;
    if (synapses && field == "connect.form")
        return QString(formName(synapses->connect.form));
    if (isIndexArray(model, object, field))
        return NumberLists::formatIndices(field == "connect.i" ? synapses->connect.i
                                                               : synapses->connect.j);
    return std::nullopt;
}

/// Writes the fields readSpecial reads; nothing when `field` is plain text.
std::optional<bool> writeSpecial(Model& model, const ObjectRef& object, const QString& field,
                                 const QString& value) {
    QString problem;
    if (object.kind == ObjectRef::Kind::Model && field == "seed") {
        const auto seed =
            value.trimmed().isEmpty() ? std::optional<std::uint32_t>() : parseSeed(value, &problem);
        if (!problem.isEmpty())
            return false;
        model.seed = seed;
        return true;
    }
    if (object.kind == ObjectRef::Kind::Model && field == "legacy_refractory_timing") {
        if (value != "true" && value != "false")
            return false;
        model.legacyRefractoryTiming = value == "true";
        return true;
    }
    if (object.kind == ObjectRef::Kind::Group && field == "N")
        return writeSize(model, object, value);
    SynapsesSpec* synapses = object.kind == ObjectRef::Kind::Synapses
                                 ? ModelLookup::synapses(model, object.name)
                                 : nullptr;
    if (synapses && field == "connect.form") {
        const auto form = formNamed(value);
        if (form)
            synapses->connect.form = *form;
        return form.has_value();
    }
    if (isIndexArray(model, object, field)) {
        const auto indices = NumberLists::parseIndices(value, &problem);
        if (indices)
            (field == "connect.i" ? synapses->connect.i : synapses->connect.j) = *indices;
        return indices.has_value();
    }
    return std::nullopt;
}

} // namespace

namespace ModelFields {

QString read(const Model& model, const ObjectRef& object, const QString& field) {
    if (const auto special = readSpecial(model, object, field))
        return *special;
    const std::string* text = textField(model, object, field);
    return text ? QString::fromStdString(*text) : QString();
}

bool write(Model& model, const ObjectRef& object, const QString& field, const QString& value) {
    if (const auto written = writeSpecial(model, object, field, value))
        return *written;
    std::string* text = textField(model, object, field);
    if (!text)
        return false;
    *text = value.toStdString();
    if (object.kind == ObjectRef::Kind::Synapses && field == "connect.j")
        ModelLookup::synapses(model, object.name)->connect.form = ConnectSpec::Form::Generator;
    if (object.kind == ObjectRef::Kind::Synapses && field == "connect.condition")
        ModelLookup::synapses(model, object.name)->connect.form = ConnectSpec::Form::Rule;
    return true;
}

QString valueProblem(const Model& model, const ObjectRef& object, const QString& field,
                     const QString& value) {
    QString problem;
    if (object.kind == ObjectRef::Kind::Model && field == "seed" && !value.trimmed().isEmpty())
        parseSeed(value, &problem);
    if (isIndexArray(model, object, field))
        NumberLists::parseIndices(value, &problem);
    return problem;
}

QString normalized(const Model& model, const ObjectRef& object, const QString& field,
                   const QString& value) {
    const bool number = isIndexArray(model, object, field) ||
                        (object.kind == ObjectRef::Kind::Model && field == "seed");
    if (!number || !valueProblem(model, object, field, value).isEmpty())
        return value;
    Model written = model;
    write(written, object, field, value);
    return read(written, object, field);
}

} // namespace ModelFields

} // namespace spikestudio
