#pragma once

#include "CsvTable.h"

#include <QtTest>
#include <algorithm>
#include <cmath>

/// The columns an EventMonitor records after i and t: the same header, values
/// within 1e-6 of each column's range.
inline void compareEventValues(const CsvTable& ours, const CsvTable& brian, const QString& what) {
    QVERIFY2(ours.header == brian.header, qPrintable(what + ": header " + ours.header.join(',') +
                                                     ", Brian2's " + brian.header.join(',')));
    for (int c = 2; c < brian.header.size(); ++c) {
        const double tolerance = 1e-6 * std::max(brian.columnRange(c), 1e-300);
        for (int r = 0; r < brian.rows.size(); ++r)
            QVERIFY2(std::abs(ours.rows[r][c] - brian.rows[r][c]) <= tolerance,
                     qPrintable(QString("%1: event %2 has %3 = %4, Brian2 %5")
                                    .arg(what)
                                    .arg(r)
                                    .arg(brian.header[c])
                                    .arg(ours.rows[r][c])
                                    .arg(brian.rows[r][c])));
    }
}

/// Spike for spike: the same neurons in the same order, at times within
/// `tolerance`; then the values recorded with them.
inline void compareSpikeTables(const CsvTable& ours, const CsvTable& brian, double tolerance,
                               const QString& what) {
    QVERIFY2(ours.rows.size() == brian.rows.size(), qPrintable(QString("%1: %2 spikes, Brian2 %3")
                                                                   .arg(what)
                                                                   .arg(ours.rows.size())
                                                                   .arg(brian.rows.size())));
    for (int k = 0; k < ours.rows.size(); ++k)
        QVERIFY2(ours.rows[k][0] == brian.rows[k][0] &&
                     std::abs(ours.rows[k][1] - brian.rows[k][1]) <= tolerance,
                 qPrintable(QString("%1: spike %2 is neuron %3 at %4 s, Brian2's neuron %5 at %6 s")
                                .arg(what)
                                .arg(k)
                                .arg(ours.rows[k][0])
                                .arg(ours.rows[k][1])
                                .arg(brian.rows[k][0])
                                .arg(brian.rows[k][1])));
    compareEventValues(ours, brian, what);
}

/// Traces and rates: the same header and rows, values within 1e-6 of each column's range.
inline void compareValueTables(const CsvTable& ours, const CsvTable& brian, const QString& what) {
    QCOMPARE(ours.header, brian.header);
    QVERIFY2(ours.rows.size() == brian.rows.size(), qPrintable(what + ": rows differ"));
    for (int c = 0; c < brian.header.size(); ++c) {
        const double tolerance = 1e-6 * std::max(brian.columnRange(c), 1e-300);
        double worst = 0.0;
        for (int r = 0; r < brian.rows.size(); ++r)
            worst = std::max(worst, std::abs(ours.rows[r][c] - brian.rows[r][c]));
        QVERIFY2(worst <= tolerance, qPrintable(QString("%1: column %2 differs by %3 (allowed %4)")
                                                    .arg(what, brian.header[c])
                                                    .arg(worst)
                                                    .arg(tolerance)));
    }
}
