/** The pure core: judging, scoring and the song format. No Phaser, Tone, DOM or clock reads. */
export * from './calibration';
export * from './chart';
export * from './clockSync';
export * from './cpuPartner';
export * from './hitWindows';
export * from './judge';
export * from './judgement';
export * from './lineup';
export * from './match';
export * from './random';
export * from './score';
export * from './song';
export * from './stats';
export * from './tempo';
export * from './units';
