#pragma once

#include "document/ObjectRef.h"
#include "model/Model.h"

#include <QString>

namespace spikestudio {

/// Text access to the editable fields of a Model, addressed by the field's key
/// in model format v1 ("equations", "on_pre", "connect.p", "N", ...), the same
/// key a ModelError names. Unknown keys read as "" and are not written.
namespace ModelFields {

QString read(const spikestudio::Model& model, const ObjectRef& object, const QString& field);

/// Returns false when the object or field does not exist or the value does not
/// fit the field (N must be a positive integer).
bool write(spikestudio::Model& model, const ObjectRef& object, const QString& field,
           const QString& value);

} // namespace ModelFields

} // namespace spikestudio
