def largest_bar_rectangle(bars: list[int]) -> int:
    stack, best = [], 0
    for i, h in enumerate(bars + [0]):
        while stack and bars[stack[-1]] > h:
            height = bars[stack.pop()]
            width = i - stack[-1] - 1 if stack else i
            best = max(best, height * width)
        stack.append(i)
    return best
