#pragma once

#include "diagnostics/Diagnostic.h"
#include "document/ObjectRef.h"
#include "inspector/CollapsibleSection.h"

#include <QList>

namespace spikestudio {

/// A foldable part of the inspector below the fields (a table of a list, the
/// schedule): it shows what it has for the selected object, follows the
/// model, and shows the checker's problems about what it shows.
class InspectorSection : public CollapsibleSection {
    Q_OBJECT

public:
    using CollapsibleSection::CollapsibleSection;

    /// Shows what this section has for `object`, hidden when it has nothing.
    virtual void showObject(const ObjectRef& object) = 0;
    virtual void refresh() = 0;
    /// Shows every problem in `problems` that is about what this section shows.
    virtual void applyProblems(const QList<Diagnostic>& problems) = 0;
    /// Whether `problem` is shown by this section as it is now.
    virtual bool shows(const Diagnostic& problem) const = 0;
};

} // namespace spikestudio
