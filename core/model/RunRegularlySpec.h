#pragma once

#include <optional>
#include <string>

namespace spikestudio {

/// Brian2's `G.run_regularly(code, dt=, when=, order=, name=)`: code run for
/// every element of the group, or of one of its subgroups
/// (`G[:10].run_regularly(...)`), on a clock of its own.
struct RunRegularlySpec {
    std::string name;               // "" = Brian2's: G_run_regularly, G_run_regularly_1, ...
    std::string code;               // statements, like a reset
    std::string dt;                 // "" = the group's dt
    std::string when;               // "" = "start"
    std::optional<long long> order; // none = 0
    std::string subgroup;           // "" = the whole group; else one of its subgroups' names
};

} // namespace spikestudio
