#pragma once

#include <stdexcept>

namespace spikestudio {

/// An exception whose what() is a complete sentence written for users (naming
/// object and field, or the file), shown as it is. ModelError and StorageError
/// derive from it, so reporting a failure needs to know neither.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace spikestudio
