#include "FuzzTargets.h"
#include "KnownLimits.h"
#include "ModelEquality.h"
#include "diagnostics/ModelError.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

#include <string_view>

namespace spikestudio::fuzz {

namespace {

/// The editor saves what it read: writing a model and reading it back must
/// give the same model.
void requireWriteRoundTrip(const Model& model) {
    const std::string written = writeModelJson(model);
    Model again;
    try {
        again = readModel(written);
    } catch (const ModelError& error) {
        throw InvariantBroken("a model read from a file cannot be read back once written: " +
                              std::string(error.what()) + "\n" + written);
    }
    if (!sameModel(model, again))
        throw InvariantBroken("a model changes when written and read back:\n" + written);
}

} // namespace

void fuzzModel(std::span<const std::uint8_t> input) {
    if (input.size() > kMaxModelBytes)
        return;
    Model model;
    try {
        model = readModel({reinterpret_cast<const char*>(input.data()), input.size()});
    } catch (const ModelError&) {
        return;
    }
    requireWriteRoundTrip(model);
    try {
        checkModel(std::move(model));
    } catch (const ModelError&) {
    }
}

} // namespace spikestudio::fuzz
