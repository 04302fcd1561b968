#include "document/ModelFields.h"

#include "document/ModelLookup.h"

namespace spikestudio {

namespace {

template <typename Group>
auto groupText(Group& group, const QString& field) -> decltype(&group.equations) {
    if (field == "equations")
        return &group.equations;
    if (field == "threshold")
        return &group.threshold;
    if (field == "reset")
        return &group.reset;
    if (field == "refractory")
        return &group.refractory;
    if (field == "method")
        return &group.method;
    if (field == "dt")
        return &group.dt;
    if (field == "rates")
        return &group.rates;
    if (field == "period")
        return &group.period;
    return nullptr;
}

template <typename Synapses>
auto synapsesText(Synapses& synapses, const QString& field) -> decltype(&synapses.model) {
    if (field == "model")
        return &synapses.model;
    if (field == "on_pre")
        return &synapses.onPre;
    if (field == "on_post")
        return &synapses.onPost;
    if (field == "connect.condition")
        return &synapses.connect.condition;
    if (field == "connect.p")
        return &synapses.connect.p;
    if (field == "connect.n")
        return &synapses.connect.n;
    if (field == "connect.j")
        return &synapses.connect.generator;
    if (field == "delay")
        return &synapses.delay;
    if (field == "method")
        return &synapses.method;
    if (field == "dt")
        return &synapses.dt;
    return nullptr;
}

template <typename ModelType>
auto modelText(ModelType& model, const QString& field) -> decltype(&model.name) {
    if (field == "name")
        return &model.name;
    if (field == "dt")
        return &model.dt;
    if (field == "duration")
        return &model.duration;
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

} // namespace

namespace ModelFields {

QString read(const Model& model, const ObjectRef& object, const QString& field) {
    if (object.kind == ObjectRef::Kind::Group && field == "N") {
        const GroupSpec* group = ModelLookup::group(model, object.name);
        return group ? QString::number(group->size) : QString();
    }
    const std::string* text = textField(model, object, field);
    return text ? QString::fromStdString(*text) : QString();
}

bool write(Model& model, const ObjectRef& object, const QString& field, const QString& value) {
    if (object.kind == ObjectRef::Kind::Group && field == "N")
        return writeSize(model, object, value);
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

} // namespace ModelFields

} // namespace spikestudio
