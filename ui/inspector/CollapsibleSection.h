#pragma once

#include <QWidget>

class QToolButton;
class QVBoxLayout;

namespace spikestudio {

/// A titled part of the inspector that folds away: a header button with an
/// arrow, and under it the section's content.
class CollapsibleSection : public QWidget {
    Q_OBJECT

public:
    explicit CollapsibleSection(const QString& title, QWidget* parent = nullptr);

    void setTitle(const QString& title);
    bool isExpanded() const;
    void setExpanded(bool expanded);

protected:
    QVBoxLayout* contentLayout() const { return contentLayout_; }

private:
    QToolButton* header_;
    QWidget* content_;
    QVBoxLayout* contentLayout_;
};

} // namespace spikestudio
