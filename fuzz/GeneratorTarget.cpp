#include "BaseModel.h"
#include "FuzzTargets.h"
#include "KnownLimits.h"
#include "TextRoundTrip.h"
#include "diagnostics/ModelError.h"
#include "model/CheckedModel.h"
#include "model/SynapseGenerator.h"

#include <algorithm>
#include <cstring>

namespace spikestudio::fuzz {

namespace {

void requirePiecesRoundTrip(const SynapseGenerator& generator) {
    for (const ExprPtr& piece : {generator.element, generator.low, generator.high, generator.step,
                                 generator.probability, generator.size, generator.condition})
        if (piece)
            requireTextRoundTrip(piece);
}

const TextField& generatorField() {
    const auto& fields = textFields();
    return *std::find_if(fields.begin(), fields.end(), [](const TextField& field) {
        return std::strcmp(field.name, "R.connect.j") == 0;
    });
}

} // namespace

void fuzzGenerator(std::span<const std::uint8_t> input) {
    if (input.size() > kMaxTextBytes)
        return;
    const std::string text(reinterpret_cast<const char*>(input.data()), input.size());
    try {
        requirePiecesRoundTrip(parseSynapseGenerator(text));
    } catch (const ModelError&) {
        return;
    }
    Model model = baseModel();
    generatorField().set(model, text);
    try {
        checkModel(std::move(model));
    } catch (const ModelError&) {
    }
}

} // namespace spikestudio::fuzz
