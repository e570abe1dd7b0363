function noOverlapSchedule(meetings) {
    const m = [...meetings].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let i = 1; i < m.length; i++) if (m[i][0] < m[i - 1][1]) return false;
    return true;
}
