#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// A variant of an export the user picks (a Brian2 device).
struct ExportChoice {
    std::string id;    // "cuda_standalone"
    std::string label; // "brian2cuda: NVIDIA GPUs"
};

/// What is exported: a model, or the model a stored run used with the seed
/// and duration it ran with (or ones the command line gives).
struct ExportInput {
    std::string modelJson;
    std::optional<std::string> duration; // a Brian2 quantity, "0.25*second"
    std::optional<std::uint32_t> seed;
};

/// Writes a model for another program (after Tiled's MapFormat with only
/// the Write capability). One file per exporter, registered in Exporters;
/// the GUI's File > Export lists each. Errors are UserErrors naming the
/// object and field, or the file.
class Exporter {
public:
    virtual ~Exporter() = default;

    /// "Brian2 script": the menu entry and dialog title.
    virtual std::string name() const = 0;
    /// "brian2": for the command line and tests.
    virtual std::string shortName() const = 0;
    /// Without the dot; added to a name that has none.
    virtual std::string extension() const = 0;
    /// One line for the status bar.
    virtual std::string description() const = 0;
    /// The variants to pick from, the default first; empty when there is no choice.
    virtual std::vector<ExportChoice> choices() const { return {}; }
    /// Writes `input` to `path` (replaced only once complete), as the variant
    /// `choice` (an id of choices(), empty for the default). Returns notes
    /// for the user (what the variant does not support).
    virtual std::vector<std::string> write(const ExportInput& input, const std::string& choice,
                                           const std::string& path) const = 0;

    /// "Brian2 script, brian2cuda: NVIDIA GPUs (*.py)", one per choice (or one).
    std::vector<std::string> nameFilters() const;
};

} // namespace spikestudio
