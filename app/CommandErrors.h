#pragma once

#include "CommandLine.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/PrintableText.h"

#include <ostream>
#include <stdexcept>

namespace spikestudio {

/// Runs a command's body and turns what it throws into "error: ..." on `err`
/// (control characters escaped) and exit status 1; a misused command line
/// also gets the usage text.
template <typename Body> int reportingErrors(std::ostream& err, Body body) {
    try {
        return body();
    } catch (const ModelError& error) {
        err << "error: " << printable(error.what()) << "\n";
    } catch (const std::invalid_argument& error) {
        err << "error: " << printable(error.what()) << "\n" << usageText();
    } catch (const std::exception& error) {
        err << "error: " << printable(error.what()) << "\n";
    }
    return 1;
}

} // namespace spikestudio
