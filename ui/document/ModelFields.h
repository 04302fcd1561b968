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

/// Besides text, "seed" (a whole number or ""), "connect.form" ("rule",
/// "arrays" or "generator") and, for index arrays, "connect.i"/"connect.j"
/// ("0, 1, 2"; with any other form "connect.j" is the generator).
/// Returns false when the object or field does not exist or the value does not
/// fit the field (N must be a positive integer).
bool write(spikestudio::Model& model, const ObjectRef& object, const QString& field,
           const QString& value);

/// Why `value` cannot be written to a field that holds numbers (seed, index
/// arrays); "" when it can. Text fields take anything: the checker judges it.
QString valueProblem(const spikestudio::Model& model, const ObjectRef& object, const QString& field,
                     const QString& value);

/// How `value` reads back once written: "0,1" becomes "0, 1" in index
/// arrays; text fields stay as typed.
QString normalized(const spikestudio::Model& model, const ObjectRef& object, const QString& field,
                   const QString& value);

} // namespace ModelFields

} // namespace spikestudio
