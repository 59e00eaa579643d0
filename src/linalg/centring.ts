/**
 * Centring an image before its SVD: each channel's mean brightness is taken out and stored apart. Raw
 * pixels are all positive, so the first layer of a raw SVD is mostly that mean, and it carries most of the
 * energy (about 75% even for uniform noise): energy shares then say little about what the eye sees.
 * Centred, every layer describes variation around the mean, and the rank-k picture is mean + layers.
 */
export interface CentredChannels {
  /** Copies of the channels with their means subtracted (the inputs are left alone). */
  centred: Float64Array[];
  /** One mean per channel, to add back when drawing. */
  means: number[];
}

export function centreChannels(channels: readonly Float64Array[]): CentredChannels {
  const means: number[] = [];
  const centred = channels.map((channel) => {
    let sum = 0;
    for (let i = 0; i < channel.length; i++) sum += channel[i];
    const mean = channel.length > 0 ? sum / channel.length : 0;
    means.push(mean);
    const out = new Float64Array(channel.length);
    for (let i = 0; i < channel.length; i++) out[i] = channel[i] - mean;
    return out;
  });
  return { centred, means };
}
