#pragma once

#include "CommandLine.h"
#include "diagnostics/FailureMessage.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/ModelProblems.h"
#include "diagnostics/PrintableText.h"

#include <ostream>
#include <stdexcept>
#include <string>
#include <typeinfo>

namespace spikestudio {

/// Runs a command's body and turns what it throws into "error: ..." on `err`
/// (control characters escaped) and exit status 1; a misused command line also gets the usage text.
/// `activity` ("running cuba.json") completes messages for out of memory and
/// internal errors: the C++ library's own words never reach the user.
template <typename Body>
int reportingErrors(std::ostream& err, Body body,
                    const std::string& activity = "carrying out the command") {
    try {
        return body();
    } catch (const ModelProblems& problems) { // every problem the checker found, one a line
        for (const ModelError& error : problems.all())
            err << "error: " << printable(error.what()) << "\n";
    } catch (const ModelError& error) {
        err << "error: " << printable(error.what()) << "\n";
    } catch (const std::invalid_argument& error) {
        err << "error: " << printable(failureMessage(error, activity)) << "\n";
        if (typeid(error) == typeid(std::invalid_argument)) // our own: a misused command line
            err << usageText();
    } catch (...) {
        err << "error: " << printable(currentFailureMessage(activity)) << "\n";
    }
    return 1;
}

} // namespace spikestudio
