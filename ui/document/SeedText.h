#pragma once

#include "expr/Reseed.h"

#include <QString>
#include <optional>

namespace spikestudio {

/// A seed entry's cell in the Initial values and protocol tables: a whole
/// number (Brian2's `seed(13579)`) or "fresh" (`seed()`).
namespace SeedText {

QString format(const Reseed& reseed);

/// The seed entry `text` spells, or nullopt (then problem() says why).
std::optional<Reseed> parse(const QString& text);

QString problem();

/// The label of a seed entry's row, where other rows name a variable or object.
QString rowLabel();

} // namespace SeedText

} // namespace spikestudio
