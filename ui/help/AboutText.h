#pragma once

#include <QString>

namespace spikestudio {

/// What Help > About says: the version, what Spike Studio is, and the
/// libraries it is built on with their versions and licences.
namespace AboutText {

QString html();

} // namespace AboutText

} // namespace spikestudio
