#include "diagnostics/FailureMessage.h"

#include "diagnostics/UserError.h"

#include <filesystem>
#include <new>
#include <stdexcept>
#include <system_error>
#include <typeinfo>

namespace spikestudio {

namespace {

/// Spike Studio throws these exact types with sentences of its own; the
/// library throws subclasses (out_of_range, length_error, ...) with its own words.
bool isOwnSentence(const std::exception& error) {
    const std::type_info& type = typeid(error);
    return type == typeid(std::runtime_error) || type == typeid(std::invalid_argument) ||
           type == typeid(std::logic_error);
}

} // namespace

std::string failureMessage(const std::exception& error, const std::string& activity) {
    if (dynamic_cast<const UserError*>(&error))
        return error.what();
    if (dynamic_cast<const std::bad_alloc*>(&error) ||
        dynamic_cast<const std::length_error*>(&error))
        return "out of memory while " + activity;
    if (const auto* file = dynamic_cast<const std::filesystem::filesystem_error*>(&error))
        return "'" + file->path1().string() + "': " + file->code().message() + " (while " +
               activity + ")";
    if (const auto* system = dynamic_cast<const std::system_error*>(&error))
        return system->code().message() + " (while " + activity + ")";
    if (dynamic_cast<const std::logic_error*>(&error) && typeid(error) == typeid(std::logic_error))
        return "internal error while " + activity + ": " + error.what() + "; please report it";
    if (isOwnSentence(error))
        return error.what();
    return "internal error while " + activity + "; please report it";
}

std::string currentFailureMessage(const std::string& activity) {
    try {
        throw;
    } catch (const std::exception& error) {
        return failureMessage(error, activity);
    } catch (...) {
        return "an unexpected error stopped " + activity + "; please report it";
    }
}

} // namespace spikestudio
