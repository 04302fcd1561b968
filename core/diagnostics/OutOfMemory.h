#pragma once

#include "diagnostics/ModelError.h"

#include <new>
#include <stdexcept>
#include <string>

namespace spikestudio {

/// Runs `body`; running out of memory (std::bad_alloc, or std::length_error
/// for a size the library cannot allocate) becomes a ModelError naming
/// `object` and `field`: "out of memory while <activity>". The C++ library's
/// own words never reach a user.
template <typename Body>
auto allocatingFor(const std::string& object, const std::string& field, const std::string& activity,
                   Body body) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        throw ModelError({object, field, 0, 0}, "out of memory while " + activity);
    } catch (const std::length_error&) {
        throw ModelError({object, field, 0, 0}, "out of memory while " + activity);
    }
}

} // namespace spikestudio
