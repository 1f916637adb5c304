/**
 * Chinese numerals for sessions (届) and sittings (次会议). Official documents write these in
 * Chinese characters while dates and document numbers stay in Arabic digits, so every screen and
 * every Word file goes through these functions instead of building the strings by hand.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/**
 * 0 → 零, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1010 → 一千零一十.
 * Integers 0–9999; anything else is a programming error and throws.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumeral: ${n} is not an integer in 0–9999`);
  if (n === 0) return DIGITS[0];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (d === 0) {
      // One 零 stands for any run of inner zeros; trailing zeros are silent (一百一十, not 一百一十零).
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += DIGITS[0];
    pendingZero = false;
    // 10–19 read 十, 十一 … at the front, but 一十 inside a larger number (一百一十).
    const leadingTen = out === '' && unit === '十' && d === 1;
    out += (leadingTen ? '' : DIGITS[d]) + unit;
  });
  return out;
}

/** 19 → 第十九届 */
export function formatSession(session: number): string {
  return `第${chineseNumeral(session)}届`;
}

/** 1 → 第一轮: every round number (a vote's rounds, the questioning's cycles) on screens and papers. */
export function formatRound(n: number): string {
  return `第${chineseNumeral(n)}轮`;
}

/** 23 → 第二十三次会议 */
export function formatSitting(sitting: number): string {
  return `第${chineseNumeral(sitting)}次会议`;
}

/**
 * ('县', 19, 23) → 县第十九届人大常委会第二十三次会议. The prefix is the administrative area as the
 * county writes it in meeting names: '县' in its own papers, '青岚县' when addressing outsiders.
 */
export function formatMeetingName(prefix: string, session: number, sitting: number): string {
  return `${prefix.trim()}${formatSession(session)}人大常委会${formatSitting(sitting)}`;
}

/**
 * The prefix formatMeetingName needs, taken from the organisation's short name
 * ('县人大常委会' → '县', '青岚县人大常委会' → '青岚县'), so there is no second setting to keep in step.
 */
export function meetingNamePrefix(shortName: string): string {
  const name = shortName.trim();
  for (const suffix of ['人民代表大会常务委员会', '人大常委会']) {
    if (name.endsWith(suffix)) return name.slice(0, -suffix.length);
  }
  return name;
}
