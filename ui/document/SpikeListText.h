#pragma once

#include "model/ProtocolSpec.h"

#include <QString>
#include <optional>

namespace spikestudio {

/// New spikes of a SpikeGeneratorGroup as one line of text, written as the
/// arguments of Brian2's `SG.set_spikes(...)`: `[3, 2, 1], [1, 4, 2]*ms`,
/// optionally `, period=5*ms`. Times that are not all a number times one
/// unit are written as a list of expressions: `[1*ms, tau + 2*ms]`.
namespace SpikeListText {

QString format(const SpikeListSpec& spikes);

/// The spikes `text` gives; nothing, with `problem` set, when it is not of
/// the form above or the two lists differ in length.
std::optional<SpikeListSpec> parse(const QString& text, QString* problem);

} // namespace SpikeListText

} // namespace spikestudio
