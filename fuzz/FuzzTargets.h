#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace spikestudio::fuzz {

// Each target runs one input through an entry point of Spike Studio. Bad input
// must end in that entry point's own error (ModelError, StorageError), which
// the target catches; anything else escaping (another exception, a crash, a
// sanitizer report, a broken invariant) is a finding.

/// A Brian2 text (expression, statements, equations, generator) in one field
/// of a valid model, checked as the editor and `spikestudio check` check it.
void fuzzExpression(std::span<const std::uint8_t> input);
/// A model file: read, checked, written back and read again.
void fuzzModel(std::span<const std::uint8_t> input);
/// Generator syntax (`k for k in range(...) if ...`), parsed and checked as a connect rule.
void fuzzGenerator(std::span<const std::uint8_t> input);
/// Result chunks of a project: unpacked in each format; packed and unpacked again.
void fuzzChunkCodec(std::span<const std::uint8_t> input);
/// A project file (raw, or a seed project with rows changed), listed and read
/// back run by run as `spikestudio runs` and `export` read it.
void fuzzProject(std::span<const std::uint8_t> input);

struct FuzzTarget {
    const char* name; // the corpus folder and executable suffix: fuzz_<name>
    void (*run)(std::span<const std::uint8_t> input);
};

/// Every target, by name.
const std::vector<FuzzTarget>& fuzzTargets();

/// A property of the code under test does not hold for an input.
class InvariantBroken : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

} // namespace spikestudio::fuzz
