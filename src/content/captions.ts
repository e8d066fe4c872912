import type { Results } from '../core/match';
import type { Mode } from '../core/units';
import type { Language } from '../game/settings';

/**
 * Captions from the article (../shared/article.txt, a CBS News report). The English texts are
 * verbatim pieces of that report (a cut is marked with "…"), always with their attribution.
 * The originals reached us in English, so every Japanese and Korean text is our translation
 * and is flagged `translated`.
 */
export interface Caption {
  readonly id: string;
  readonly text: Readonly<Record<Language, string>>;
  /** Who said it, and where (shown under the quote, after a dash). */
  readonly by: Readonly<Record<Language, string>>;
  readonly translated: Readonly<Record<Language, boolean>>;
}

export type CaptionMoment = 'intro' | 'break' | 'results';

/** Original English, our translations into Japanese and Korean. */
const TRANSLATED: Readonly<Record<Language, boolean>> = { en: false, ja: true, ko: true };

function caption(id: string, text: Record<Language, string>, by: Record<Language, string>): Caption {
  return { id, text, by, translated: TRANSLATED };
}

const LEE_ON_X = { en: 'Lee Jae-myung, on X', ja: '李在明（イ・ジェミョン）大統領、Xで', ko: '이재명 대통령, X에서' };
const TAKAICHI_POST = {
  en: 'Sanae Takaichi, in a social media post',
  ja: '高市早苗首相、SNSの投稿で',
  ko: '다카이치 사나에 총리, SNS 게시물에서',
};

export const DREAM = caption(
  'dream',
  {
    en: 'Playing the drums has been my longtime dream',
    ja: 'ドラムを叩くことは長年の夢でした',
    ko: '드럼 연주는 저의 오랜 꿈이었습니다',
  },
  LEE_ON_X,
);

export const HARMONIZED = caption(
  'harmonized',
  {
    en: 'Like we respected our differences and harmonized our rhythms, I hope that Korea and Japan would deepen cooperation and move closer to each other step by step',
    ja: '互いの違いを尊重し、リズムを合わせたように、韓国と日本が協力を深め、一歩ずつ歩み寄っていくことを願っています',
    ko: '우리가 서로의 차이를 존중하며 리듬을 맞췄듯이, 한국과 일본이 협력을 심화하고 한 걸음씩 서로에게 다가가기를 바랍니다',
  },
  LEE_ON_X,
);

export const CLUMSY = caption(
  'clumsy',
  { en: 'a little clumsy', ja: '少しぎこちなかった', ko: '조금 서툴렀다' },
  {
    en: 'Lee Jae-myung, on his own playing',
    ja: '李在明大統領、自身の演奏について',
    ko: '이재명 대통령, 자신의 연주에 대해',
  },
);

export const APEC = caption(
  'apec',
  {
    en: 'When we met at APEC last year, [Lee] said it was his dream to play the drums, so we prepared a surprise',
    ja: '昨年APECでお会いした際、[李大統領は]ドラムを叩くのが夢だとおっしゃっていたので、サプライズを用意しました',
    ko: '지난해 APEC에서 만났을 때 [이 대통령이] 드럼 연주가 꿈이라고 해서 깜짝 이벤트를 준비했습니다',
  },
  TAKAICHI_POST,
);

/** The report's words about Takaichi's remarks, not a direct quote of hers: attributed as reported. */
export const FAST_LEARNER = caption(
  'fast-learner',
  {
    en: 'a fast learner for picking up the rhythm in just a few minutes',
    ja: 'ほんの数分でリズムをつかんだ、のみ込みの早い人',
    ko: '단 몇 분 만에 리듬을 익힌, 빨리 배우는 사람',
  },
  {
    en: 'Sanae Takaichi on Lee, as reported by CBS News',
    ja: '高市首相による李大統領評（CBS News の報道より）',
    ko: '다카이치 총리의 이 대통령 평 (CBS News 보도)',
  },
);

export const SHUTTLE = caption(
  'shuttle',
  {
    en: 'In order to develop Japan-South Korea relations in a forward-looking way and stably, we will continue our close communication between the two governments',
    ja: '日韓関係を未来志向で安定的に発展させるため、両政府間の緊密な意思疎通を続けていきます',
    ko: '한일 관계를 미래지향적이고 안정적으로 발전시키기 위해 양국 정부 간 긴밀한 소통을 이어 가겠습니다',
  },
  {
    en: 'Sanae Takaichi, in a message on X',
    ja: '高市早苗首相、Xへのメッセージで',
    ko: '다카이치 사나에 총리, X 메시지에서',
  },
);

const KOREAN_USER = {
  en: 'X user (Korea, via BBC News)',
  ja: 'Xユーザー（韓国、BBC News経由）',
  ko: 'X 사용자 (한국, BBC News 경유)',
};
const JAPANESE_USER = { en: 'X user (Japan)', ja: 'Xユーザー（日本）', ko: 'X 사용자 (일본)' };

export const MUSIC_CONNECTS = caption(
  'music-connects',
  {
    en: 'Music seems to have the power to connect hearts at a deeper level than words ever could',
    ja: '音楽には、言葉よりも深いところで心をつなぐ力があるようです',
    ko: '음악에는 말보다 더 깊은 곳에서 마음을 잇는 힘이 있는 것 같습니다',
  },
  KOREAN_USER,
);

export const QUIET_EXCHANGES = caption(
  'quiet-exchanges',
  {
    en: 'Exchanges like this may be quiet, but they will surely help move relations between Korea and Japan forward.',
    ja: 'こうした交流は静かかもしれませんが、きっと韓国と日本の関係を前に進める助けになるでしょう。',
    ko: '이런 교류는 조용할지 몰라도, 분명 한국과 일본의 관계를 앞으로 나아가게 하는 데 도움이 될 것입니다.',
  },
  KOREAN_USER,
);

export const HAVING_FUN = caption(
  'having-fun',
  {
    en: 'Just seeing them actually playing drums together — not just posing — looks like they are having so much fun, and that’s what matters most',
    ja: 'ポーズだけじゃなく、本当に一緒にドラムを叩いている姿は、とても楽しそう。それがいちばん大事',
    ko: '포즈만 취한 게 아니라 정말로 함께 드럼을 치는 모습이 무척 즐거워 보이고, 그게 가장 중요하죠',
  },
  JAPANESE_USER,
);

export const MEET_HALFWAY = caption(
  'meet-halfway',
  {
    en: 'Both Korea and Japan are facing tough situations, but if we can meet each other halfway, I truly believe things will move in a positive direction.',
    ja: '韓国も日本も厳しい状況にありますが、お互いに歩み寄れれば、きっと良い方向に進むと心から信じています。',
    ko: '한국도 일본도 어려운 상황이지만, 서로 한 걸음씩 다가간다면 분명 좋은 방향으로 나아갈 거라고 믿습니다.',
  },
  JAPANESE_USER,
);

/** Every caption, for tests and the font subsetter. */
export const CAPTIONS: readonly Caption[] = [
  DREAM,
  HARMONIZED,
  CLUMSY,
  APEC,
  FAST_LEARNER,
  SHUTTLE,
  MUSIC_CONNECTS,
  QUIET_EXCHANGES,
  HAVING_FUN,
  MEET_HALFWAY,
];

/** The social-media reactions the article quotes, for the ticker along the bottom. */
export const TICKER: readonly Caption[] = [MUSIC_CONNECTS, HAVING_FUN, QUIET_EXCHANGES, MEET_HALFWAY];

/** Intro captions by song id: each song opens with the moment of the story it is named after. */
const INTRO_BY_SONG: Readonly<Record<string, readonly Caption[]>> = {
  'first-lesson': [DREAM, FAST_LEARNER],
  'nara-nights': [APEC, DREAM],
  'shuttle-diplomacy': [SHUTTLE, HARMONIZED],
  'heavy-metal-summit': [APEC, MUSIC_CONNECTS],
};
const INTRO_DEFAULT: readonly Caption[] = [DREAM, APEC, HARMONIZED];

/** Short enough to read during a break in the music. */
const BREAKS: readonly Caption[] = [DREAM, FAST_LEARNER, MUSIC_CONNECTS, APEC, HAVING_FUN, CLUMSY];

function pick<T>(list: readonly T[], n: number): T {
  const i = Number.isFinite(n) ? Math.floor(n) : 0;
  return list[((i % list.length) + list.length) % list.length] as T;
}

/** A stable small number from a song id, so each song starts its break captions elsewhere. */
function hashId(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h;
}

/** The caption shown before a song starts; `seed` picks among the song's own (any integer). */
export function introCaption(songId: string, seed: number): Caption {
  return pick(INTRO_BY_SONG[songId] ?? INTRO_DEFAULT, seed);
}

/** The caption for the `index`-th break of a song (0, 1, 2…): never the same twice in a row. */
export function breakCaption(songId: string, index: number): Caption {
  return pick(BREAKS, hashId(songId) + index);
}

/** How a run went, per player (index = player; player 2 plays Lee's part, the novice's). */
export interface Outcome {
  mode: Mode;
  /** Duet: share of unison notes hit together, 0..1; otherwise null. */
  harmony: number | null;
  /** 0..1 per player. */
  accuracies: readonly number[];
  misses: readonly number[];
  /** Whether each player beat their previous best on this song (false when there was none). */
  improvedOnBest: readonly boolean[];
}

/** Harmony at or above this earns Lee's "harmonized our rhythms". */
export const HIGH_HARMONY = 0.8;
/** A player with this many misses, or an accuracy under CLUMSY_ACCURACY, gets "a little clumsy". */
export const CLUMSY_MISSES = 15;
export const CLUMSY_ACCURACY = 0.6;
/** The novice's part (Lee's), whose improvement earns "a fast learner". */
export const NOVICE_PLAYER = 1;

/**
 * The closing caption for the results screen, first rule that applies:
 * lesson → fast learner; a duet with high Harmony → harmonized rhythms; the novice (player 2)
 * improving on a previous best → fast learner; many misses → "a little clumsy" (Lee said it
 * of himself, so it reads gently); battle → "having so much fun"; otherwise the dream / APEC story.
 */
export function closingCaption(outcome: Outcome): Caption {
  if (outcome.mode === 'lesson') return FAST_LEARNER;
  if (outcome.mode === 'duet' && outcome.harmony !== null && outcome.harmony >= HIGH_HARMONY) return HARMONIZED;
  if (outcome.improvedOnBest[NOVICE_PLAYER]) return FAST_LEARNER;
  const clumsy = outcome.misses.some((m) => m >= CLUMSY_MISSES) || outcome.accuracies.some((a) => a < CLUMSY_ACCURACY);
  if (clumsy) return CLUMSY;
  if (outcome.mode === 'battle') return HAVING_FUN;
  return outcome.mode === 'duet' ? APEC : DREAM;
}

/** The outcome of a finished run; `improvedOnBest` comes from the caller's saved bests. */
export function outcomeOf(results: Results, improvedOnBest: readonly boolean[] = []): Outcome {
  return {
    mode: results.mode,
    harmony: results.harmony,
    accuracies: results.players.map((p) => p.accuracy),
    misses: results.players.map((p) => p.counts.miss),
    improvedOnBest: results.players.map((_, i) => improvedOnBest[i] ?? false),
  };
}

/** The About screen's text: the story told in our own words, then the credits. */
export interface AboutText {
  readonly paragraphs: readonly string[];
  readonly credit: string;
  readonly art: string;
}

export const ABOUT: Readonly<Record<Language, AboutText>> = {
  en: {
    paragraphs: [
      'After a summit in Nara, Japan’s ancient capital and Prime Minister Sanae Takaichi’s hometown, she and South Korean President Lee Jae-myung sat down side by side at two drum kits.',
      'In personalised athletic jackets they drummed a duet to K-pop hits, including BTS’ “Dynamite” and KPop Demon Hunters’ “Golden”. The jam session was Takaichi’s surprise: a heavy-metal fan who drummed in college, she remembered Lee telling her at APEC that playing the drums was his dream.',
      'Lee, a drum novice, picked up the rhythm in minutes. Here two players do the same: one drummer, one learner, one shared rhythm.',
    ],
    credit:
      'Based on a CBS News report, with material via BBC News; quotes are verbatim from that report; translations are ours.',
    art: 'The music is original, and the leaders are drawn as friendly caricatures.',
  },
  ja: {
    paragraphs: [
      '古都・奈良は高市早苗首相の地元。そこでの首脳会談のあと、高市首相と韓国の李在明（イ・ジェミョン）大統領は、2台のドラムセットに並んで座りました。',
      'それぞれ特製のジャージを着た二人は、BTSの「Dynamite」やKPop Demon Huntersの「Golden」などK-POPのヒット曲に合わせてドラムを共演。ヘビーメタル好きで大学時代にドラムを叩いていた高市首相が、APECで「ドラムを叩くのが夢」と聞いたのを覚えていて用意したサプライズでした。',
      'ドラム初心者の李大統領は、数分でリズムをつかみました。このゲームでは二人のプレイヤーが同じことに挑みます。ドラマーと初心者が、ひとつのリズムで。',
    ],
    credit:
      'CBS News の報道（BBC News 経由の内容を含む）に基づいています。英語の引用は報道のまま、日本語訳は当ゲームによるものです。',
    art: '音楽はオリジナル曲で、首脳たちは親しみを込めたキャラクターとして描いています。',
  },
  ko: {
    paragraphs: [
      '옛 수도 나라는 다카이치 사나에 총리의 고향입니다. 그곳에서 열린 정상회담 뒤, 다카이치 총리와 이재명 대통령은 드럼 세트 두 대 앞에 나란히 앉았습니다.',
      '각자에게 맞춘 운동복 재킷을 입은 두 사람은 BTS의 ‘Dynamite’, KPop Demon Hunters의 ‘Golden’ 등 K팝 히트곡에 맞춰 드럼 합주를 했습니다. 헤비메탈 팬이자 대학 시절 드러머였던 다카이치 총리가, APEC에서 드럼 연주가 꿈이라던 이 대통령의 말을 기억해 준비한 깜짝 이벤트였습니다.',
      '드럼 초보인 이 대통령은 몇 분 만에 리듬을 익혔습니다. 이 게임에서는 두 플레이어가 같은 일에 도전합니다. 드러머와 초보자가 하나의 리듬으로.',
    ],
    credit:
      'CBS News 보도(BBC News 경유 내용 포함)를 바탕으로 했습니다. 영어 인용문은 보도 그대로이며, 한국어 번역은 저희가 했습니다.',
    art: '음악은 모두 창작곡이며, 두 정상은 친근한 캐리커처로 그렸습니다.',
  },
};
