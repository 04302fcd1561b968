#include "help/AboutText.h"

#include <QObject>
#include <qcustomplot.h>
#include <sqlite3.h>

namespace spikestudio::AboutText {

QString html() {
    return QObject::tr("<h3>Spike Studio %1</h3>"
                       "<p>A desktop tool for spiking neural networks in Brian2's equation "
                       "language: draw the network, check its units as you type, run it with "
                       "live plots.</p>"
                       "<p>Built on:</p><ul>"
                       "<li>Qt %2: GNU Lesser General Public License v3 (LGPL-3.0)</li>"
                       "<li>QCustomPlot %3: GNU General Public License v3 (GPL-3.0)</li>"
                       "<li>TinyCC (libtcc), the in-memory C compiler: GNU Lesser General "
                       "Public License v2.1 (LGPL-2.1)</li>"
                       "<li>SQLite %4: public domain</li>"
                       "<li>nlohmann/json: MIT License</li>"
                       "<li>OpenSSL's libcrypto (SHA-256 of cached kernels): Apache License "
                       "2.0</li>"
                       "<li>libelf of elfutils (kernel audits): GNU LGPL v3 or GNU GPL v2, "
                       "or later</li>"
                       "<li>FFTW 3 (spectra of run statistics): GNU GPL v2 or later</li></ul>"
                       "<p>The equation language and the examples follow "
                       "<a href=\"https://briansimulator.org\">Brian2</a> (CeCILL-2.1).</p>")
        .arg(QStringLiteral(SPIKESTUDIO_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(QCUSTOMPLOT_VERSION_STR), QString::fromLatin1(sqlite3_libversion()));
}

} // namespace spikestudio::AboutText
