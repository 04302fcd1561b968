#pragma once

#include "codegen/ArrayBinding.h"
#include "expr/Scope.h"

#include <optional>
#include <string>

namespace spikestudio {

/// Where a kernel finds the per-element value of a name.
struct NameAccess {
    ArrayBinding array; // the runtime array: own `v`, the target group's `ge`, …
    std::string index;  // C expression selecting the element: "_idx", "_pre", "_post", "0"
    std::optional<ArrayBinding> writeGuard; // a not_refractory array that gates writes
    /// When set, the element is this array's entry at `index` (a linked
    /// variable read through Brian2's `index`).
    std::optional<ArrayBinding> indexArray = std::nullopt;
};

/// How a kernel sees the names of the object it runs for: the scope that types
/// them, the arrays that hold per-element values, and names with their own C
/// (i, j, N). Implemented for neuron groups and for synapses.
class KernelView {
public:
    virtual ~KernelView() = default;
    virtual const Scope& scope() const = 0;
    /// C for an index-like name (`i`, `j`, `N`), or "" for other names.
    virtual std::string special(const std::string& name) const = 0;
    /// The array holding `name`, or nothing when it is not a variable.
    virtual std::optional<NameAccess> access(const std::string& name) const = 0;
};

} // namespace spikestudio
