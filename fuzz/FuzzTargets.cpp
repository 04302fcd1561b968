#include "FuzzTargets.h"

namespace spikestudio::fuzz {

const std::vector<FuzzTarget>& fuzzTargets() {
    static const std::vector<FuzzTarget> targets = {
        {"expression", fuzzExpression},  {"model", fuzzModel},     {"generator", fuzzGenerator},
        {"chunk_codec", fuzzChunkCodec}, {"project", fuzzProject},
    };
    return targets;
}

} // namespace spikestudio::fuzz
