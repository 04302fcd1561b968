#pragma once

#include <QWidget>

class QListWidget;
class QTextBrowser;

namespace spikestudio {

/// The user guide (docs/user-guide.md, bundled as a Qt resource) in its own
/// window: the text on the right, its sections listed on the left; a click
/// on a section scrolls to it.
class HelpWindow : public QWidget {
    Q_OBJECT

public:
    explicit HelpWindow(QWidget* parent = nullptr);

    /// Scrolls to the first section whose title starts with `title`; false
    /// when there is none.
    bool showSection(const QString& title);

    QTextBrowser* browser() const { return browser_; }
    QListWidget* contents() const { return contents_; }

    /// The guide's Markdown text, as bundled.
    static QString guideText();

private:
    void styleTables();
    void listSections();
    void scrollToBlock(int blockNumber);

    QListWidget* contents_;
    QTextBrowser* browser_;
};

} // namespace spikestudio
