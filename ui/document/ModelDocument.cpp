#include "document/ModelDocument.h"

#include "document/ModelFields.h"
#include "document/ModelLookup.h"
#include "document/ObjectRemoval.h"

#include <algorithm>

namespace spikestudio {

ModelDocument::ModelDocument(QObject* parent) : QObject(parent) {}

void ModelDocument::setFilePath(const QString& path) {
    filePath_ = path;
}

void ModelDocument::load(Model model, const QString& path, NodeLayout layout) {
    undoStack_.clear();
    filePath_ = path;
    restore(std::move(model), std::move(layout));
    undoStack_.setClean();
}

void ModelDocument::restore(Model model, NodeLayout layout) {
    model_ = std::move(model);
    layout_ = std::move(layout);
    placeUnplacedGroups(model_, layout_);
    emit modelReset();
    emit changed();
}

bool ModelDocument::contains(const ObjectRef& object) const {
    switch (object.kind) {
    case ObjectRef::Kind::Model:
        return true;
    case ObjectRef::Kind::Group:
        return ModelLookup::group(model_, object.name) != nullptr;
    case ObjectRef::Kind::Synapses:
        return ModelLookup::synapses(model_, object.name) != nullptr;
    }
    return false;
}

QString ModelDocument::fieldText(const ObjectRef& object, const QString& field) const {
    return ModelFields::read(model_, object, field);
}

void ModelDocument::insertGroup(int index, GroupSpec group, QPointF position) {
    layout_.insert(QString::fromStdString(group.name), position);
    const auto at = std::clamp<size_t>(static_cast<size_t>(index), 0, model_.groups.size());
    model_.groups.insert(model_.groups.begin() + static_cast<long>(at), std::move(group));
    emit modelReset();
    emit changed();
}

void ModelDocument::insertSynapses(int index, SynapsesSpec synapses) {
    const auto at = std::clamp<size_t>(static_cast<size_t>(index), 0, model_.synapses.size());
    model_.synapses.insert(model_.synapses.begin() + static_cast<long>(at), std::move(synapses));
    emit modelReset();
    emit changed();
}

void ModelDocument::removeObjects(const QList<ObjectRef>& objects) {
    ObjectRemoval::remove(model_, layout_, objects);
    emit modelReset();
    emit changed();
}

void ModelDocument::rename(const ObjectRef& object, const QString& newName) {
    const std::string before = object.name.toStdString();
    const std::string after = newName.toStdString();
    if (auto* group = ModelLookup::group(model_, object.name)) {
        group->name = after;
        layout_.insert(newName, layout_.take(object.name));
    } else if (auto* synapses = ModelLookup::synapses(model_, object.name)) {
        synapses->name = after;
    }
    renameReferences(before, after);
    emit renamed(object, newName);
    emit changed();
}

void ModelDocument::renameReferences(const std::string& before, const std::string& after) {
    for (SynapsesSpec& synapses : model_.synapses) {
        if (synapses.source == before)
            synapses.source = after;
        if (synapses.target == before)
            synapses.target = after;
    }
    for (MonitorSpec& monitor : model_.monitors)
        if (monitor.source == before)
            monitor.source = after;
    for (PoissonInputSpec& input : model_.poissonInputs)
        if (input.target == before)
            input.target = after;
}

bool ModelDocument::setFieldText(const ObjectRef& object, const QString& field,
                                 const QString& value) {
    if (!ModelFields::write(model_, object, field, value))
        return false;
    emit fieldChanged(object, field);
    emit changed();
    return true;
}

void ModelDocument::setPosition(const QString& group, QPointF position) {
    layout_.insert(group, position);
    emit changed();
}

} // namespace spikestudio
