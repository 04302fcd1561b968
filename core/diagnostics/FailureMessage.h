#pragma once

#include <exception>
#include <string>

namespace spikestudio {

/// What a user reads for an exception that ended `activity` ("running
/// cuba.json"): a UserError (ModelError, StorageError) as it is (written
/// for users, naming object and field or the file); running out of memory as "out
/// of memory while <activity>"; an operating system error in its own words;
/// anything else as an internal error to report. The C++ library's own text
/// ("std::bad_alloc", "vector::reserve") never reaches a user.
std::string failureMessage(const std::exception& error, const std::string& activity);

/// The same for the exception being handled, which need not be a std::exception
/// (call it inside a catch block).
std::string currentFailureMessage(const std::string& activity);

} // namespace spikestudio
